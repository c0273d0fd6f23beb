// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailtext.h"

#include <QRegularExpression>
#include <QStringList>

namespace Tandem::Server::MailText {
namespace {

bool startsHistory(const QStringList &lines, int i)
{
    static const QList<QRegularExpression> attributions{
        QRegularExpression(QStringLiteral("^\\s*On\\b.{0,200}\\bwrote:\\s*$")),
        QRegularExpression(QStringLiteral("^\\s*Am\\b.{0,200}\\bschrieb\\b.{0,100}:\\s*$")),
        QRegularExpression(QStringLiteral("^\\s*Le\\b.{0,200}\\ba écrit\\s*:\\s*$")),
        QRegularExpression(QStringLiteral("^\\s*El\\b.{0,200}\\bescribió:\\s*$")),
        QRegularExpression(QStringLiteral("^\\s*-{2,}\\s*(Original Message|Ursprüngliche "
                                          "Nachricht|Message d'origine)\\s*-{2,}\\s*$"),
                           QRegularExpression::CaseInsensitiveOption),
    };
    const QString &line = lines.at(i);
    for (const QRegularExpression &re : attributions)
        if (re.match(line).hasMatch())
            return true;
    // An attribution wrapped over two lines ("On Tue, 1 Dec 2026 at 10:02, Ada Lovelace\n
    // <ada@example.org> wrote:").
    if (i + 1 < lines.size() && line.trimmed().startsWith(QLatin1String("On "))
        && lines.at(i + 1).trimmed().endsWith(QLatin1String("wrote:")))
        return true;
    // Outlook's header block: "From: …" followed within three lines by "Sent:" or "Date:".
    static const QRegularExpression from(QStringLiteral("^\\s*(From|Von|De)\\s*:\\s*\\S"));
    static const QRegularExpression sent(QStringLiteral("^\\s*(Sent|Date|Gesendet|Envoyé)\\s*:"));
    if (from.match(line).hasMatch()) {
        for (int j = i + 1; j < lines.size() && j <= i + 3; ++j)
            if (sent.match(lines.at(j)).hasMatch())
                return true;
    }
    // The signature separator.
    return line == QLatin1String("-- ") || line == QLatin1String("--");
}

} // namespace

Folded fold(const QString &text)
{
    QString normal = text;
    normal.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QStringList lines = normal.split(QLatin1Char('\n'));
    int cut = int(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        if (startsHistory(lines, i)) {
            cut = i;
            break;
        }
    }
    // A run of quoted lines (and blank ones) to the end.
    int quotedFrom = cut;
    bool sawQuote = false;
    while (quotedFrom > 0) {
        const QString line = lines.at(quotedFrom - 1).trimmed();
        if (line.startsWith(QLatin1Char('>')))
            sawQuote = true;
        else if (!line.isEmpty())
            break;
        --quotedFrom;
    }
    if (sawQuote)
        cut = quotedFrom;
    Folded folded;
    folded.fresh = lines.mid(0, cut).join(QLatin1Char('\n')).trimmed();
    folded.quoted = lines.mid(cut).join(QLatin1Char('\n')).trimmed();
    if (folded.fresh.isEmpty()) // nothing but a quote: keep it all in view
        return {normal.trimmed(), {}};
    return folded;
}

QString fromHtml(const QString &html)
{
    QString s = html;
    static const QRegularExpression hidden(
        QStringLiteral("<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(QStringLiteral("<!--.*?-->"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression breaks(
        QStringLiteral("<(br|/p|/div|/li|/tr|/h[1-6]|/blockquote)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression items(QStringLiteral("<li\\b[^>]*>"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("[ \\t\\r\\f]+"));
    static const QRegularExpression blankRuns(QStringLiteral("\\n\\s*\\n\\s*\\n+"));
    s.remove(hidden);
    s.remove(comments);
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    s.replace(breaks, QStringLiteral("\n"));
    s.replace(items, QStringLiteral("• "));
    s.remove(tags);
    static const QList<std::pair<QString, QString>> entities{
        {QStringLiteral("&nbsp;"), QStringLiteral(" ")},
        {QStringLiteral("&lt;"), QStringLiteral("<")},
        {QStringLiteral("&gt;"), QStringLiteral(">")},
        {QStringLiteral("&quot;"), QStringLiteral("\"")},
        {QStringLiteral("&#39;"), QStringLiteral("'")},
        {QStringLiteral("&apos;"), QStringLiteral("'")},
        {QStringLiteral("&amp;"), QStringLiteral("&")}, // last: "&amp;lt;" stays "&lt;"
    };
    for (const auto &[entity, plain] : entities)
        s.replace(entity, plain, Qt::CaseInsensitive);
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]{1,6});"));
    QString out;
    qsizetype last = 0;
    auto it = numeric.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        bool ok = false;
        const uint code = m.captured(2).toUInt(&ok, m.captured(1).isEmpty() ? 10 : 16);
        if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF))
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = m.capturedEnd();
    }
    out += s.mid(last);
    QStringList lines = out.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.replace(spaces, QStringLiteral(" ")).trimmed();
    return lines.join(QLatin1Char('\n')).replace(blankRuns, QStringLiteral("\n\n")).trimmed();
}

} // namespace Tandem::Server::MailText
