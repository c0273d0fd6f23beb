// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

//! A small W3C WebDriver client for tests: drives a real headless Chromium through
//! chromedriver, which it starts on a free port. Every call waits for its answer; on
//! failure it returns an empty value and keeps the error in lastError().
class WebDriver
{
public:
    WebDriver();
    ~WebDriver();

    //! Starts chromedriver and a browser session; false (with lastError) if either fails.
    bool start(int width = 400, int height = 640);
    //! Ends the session and chromedriver.
    void quit();
    QString lastError() const { return m_error; }

    bool navigate(const QUrl &url);
    bool refresh();
    //! The element matching a CSS selector now (empty when none).
    QString find(const QString &css);
    //! Waits until an element matching `css` exists and is displayed.
    QString waitFor(const QString &css, int ms = 10000);
    bool click(const QString &element);
    bool sendKeys(const QString &element, const QString &text);
    QString text(const QString &element);
    bool displayed(const QString &element);
    //! Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    QJsonValue execute(const QString &script, const QJsonArray &args = {});
    //! Switches into an <iframe> element, or back to the top page with an empty string.
    bool switchToFrame(const QString &element);
    QByteArray screenshotPng();

    //! The visible text of the first element matching `css` ("" when none).
    QString textOf(const QString &css);
    //! Waits until the visible text of `css` contains `needle`.
    bool waitForText(const QString &css, const QString &needle, int ms = 10000);

private:
    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                    int ms = 30000);
    QString session(const QString &path) const;

    QNetworkAccessManager m_http;
    QProcess m_driver;
    QTemporaryDir m_profile;
    QUrl m_base;
    QString m_session;
    QString m_error;
};
