#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo's email inbox settings (docs/protocol.md, "Email"), for the mail servers
tests/support/mailservers.py started: mailbox-settings.py INFO_JSON > mailbox.json"""
import hashlib
import json
import subprocess
import sys

info = json.loads(sys.argv[1])
der = subprocess.run(["openssl", "x509", "-in", info["cert"], "-outform", "DER"],
                     capture_output=True, check=True).stdout
fingerprint = hashlib.sha256(der).hexdigest()  # the servers' own self-signed certificate
json.dump({"address": "support@example.com", "displayName": "Example Support",
           "signature": "The Example Support team\nhttps://example.com/help",
           "imap": {"host": "127.0.0.1", "port": info["imaps"], "security": "tls",
                    "user": "support@example.com", "trustedCertificate": fingerprint},
           "smtp": {"host": "127.0.0.1", "port": info["smtp"], "security": "starttls",
                    "user": info["smtpUser"], "trustedCertificate": fingerprint}},
          sys.stdout, indent=1)
