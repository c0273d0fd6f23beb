// SPDX-License-Identifier: GPL-3.0-or-later
#include "webdriver.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

namespace {
// Debian's paths; elsewhere TANDEM_CHROMEDRIVER and TANDEM_CHROMIUM name them.
const QString ChromeDriver =
    qEnvironmentVariable("TANDEM_CHROMEDRIVER", QStringLiteral("/usr/bin/chromedriver"));
const QString Chromium =
    qEnvironmentVariable("TANDEM_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
// W3C name of the key that holds an element reference.
const QString ElementKey = QStringLiteral("element-6066-11e4-a52e-4f735466cecf");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

WebDriver::WebDriver()
{
    m_driver.setProcessChannelMode(QProcess::MergedChannels);
}

WebDriver::~WebDriver()
{
    quit();
}

bool WebDriver::start(int width, int height)
{
    if (!QFile::exists(ChromeDriver) || !QFile::exists(Chromium)) {
        m_error = QStringLiteral("%1 or %2 is missing: install chromium and chromium-driver "
                                 "(./run installs them)")
                      .arg(ChromeDriver, Chromium);
        return false;
    }
    const quint16 port = freePort();
    m_driver.start(ChromeDriver, {QStringLiteral("--port=%1").arg(port)});
    if (!m_driver.waitForStarted(10000)) {
        m_error = QStringLiteral("chromedriver did not start: ") + m_driver.errorString();
        return false;
    }
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    const bool ready = QTest::qWaitFor(
        [&] {
            const QJsonValue status = call("GET", QStringLiteral("/status"), {}, 1000);
            return status.toObject().value(QLatin1String("ready")).toBool();
        },
        15000);
    if (!ready) {
        m_error = QStringLiteral("chromedriver is not ready: ")
                  + QString::fromLocal8Bit(m_driver.readAll());
        return false;
    }
    const QJsonArray args{QStringLiteral("--headless"),
                          QStringLiteral("--no-sandbox"),
                          QStringLiteral("--disable-gpu"),
                          QStringLiteral("--disable-quic"),
                          QStringLiteral("--no-first-run"),
                          QStringLiteral("--disable-background-networking"),
                          QStringLiteral("--disable-component-update"),
                          QStringLiteral("--disable-sync"),
                          QStringLiteral("--disable-dev-shm-usage"),
                          QStringLiteral("--user-data-dir=") + m_profile.path(),
                          QStringLiteral("--window-size=%1,%2").arg(width).arg(height)};
    const QJsonObject capabilities{
        {QStringLiteral("alwaysMatch"),
         QJsonObject{
             {QStringLiteral("browserName"), QStringLiteral("chrome")},
             {QStringLiteral("goog:chromeOptions"),
              QJsonObject{{QStringLiteral("binary"), Chromium}, {QStringLiteral("args"), args}}}}}};
    const QJsonValue created = call("POST", QStringLiteral("/session"),
                                    {{QStringLiteral("capabilities"), capabilities}}, 60000);
    m_session = created.toObject().value(QLatin1String("sessionId")).toString();
    if (m_session.isEmpty())
        return false;
    // The window includes the browser's own frame: size it so the page gets width x height.
    call("POST", session(QStringLiteral("/window/rect")),
         {{QStringLiteral("width"), width}, {QStringLiteral("height"), height}});
    const QJsonArray inner =
        execute(QStringLiteral("return [window.innerWidth, window.innerHeight];")).toArray();
    if (inner.size() == 2 && (inner.at(0).toInt() != width || inner.at(1).toInt() != height)) {
        call("POST", session(QStringLiteral("/window/rect")),
             {{QStringLiteral("width"), 2 * width - inner.at(0).toInt()},
              {QStringLiteral("height"), 2 * height - inner.at(1).toInt()}});
    }
    return true;
}

void WebDriver::quit()
{
    if (!m_session.isEmpty())
        call("DELETE", session(QString()), {}, 10000);
    m_session.clear();
    if (m_driver.state() != QProcess::NotRunning) {
        m_driver.terminate();
        if (!m_driver.waitForFinished(5000)) {
            m_driver.kill();
            m_driver.waitForFinished(5000);
        }
    }
}

QString WebDriver::session(const QString &path) const
{
    return QStringLiteral("/session/") + m_session + path;
}

QJsonValue WebDriver::call(const QByteArray &method, const QString &path, const QJsonObject &body,
                           int ms)
{
    m_error.clear();
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(ms);
    const QByteArray payload =
        method == "POST" ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    QNetworkReply *reply = m_http.sendCustomRequest(request, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QByteArray answer = reply->readAll();
    const bool transportOk = reply->error() == QNetworkReply::NoError;
    const QString transportError = reply->errorString();
    reply->deleteLater();
    const QJsonValue value = QJsonDocument::fromJson(answer).object().value(QLatin1String("value"));
    const QJsonObject asObject = value.toObject();
    if (!transportOk || asObject.contains(QLatin1String("error"))) {
        m_error = asObject.contains(QLatin1String("error"))
                      ? asObject.value(QLatin1String("error")).toString() + QLatin1String(": ")
                            + asObject.value(QLatin1String("message"))
                                  .toString()
                                  .section(QLatin1Char('\n'), 0, 0)
                      : transportError;
        return QJsonValue(QJsonValue::Undefined);
    }
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

bool WebDriver::navigate(const QUrl &url)
{
    call("POST", session(QStringLiteral("/url")), {{QStringLiteral("url"), url.toString()}});
    return m_error.isEmpty();
}

bool WebDriver::refresh()
{
    call("POST", session(QStringLiteral("/refresh")));
    return m_error.isEmpty();
}

QString WebDriver::find(const QString &css)
{
    const QJsonValue found = call("POST", session(QStringLiteral("/element")),
                                  {{QStringLiteral("using"), QStringLiteral("css selector")},
                                   {QStringLiteral("value"), css}});
    return found.toObject().value(ElementKey).toString();
}

QString WebDriver::waitFor(const QString &css, int ms)
{
    QString element;
    const bool shown = QTest::qWaitFor(
        [&] {
            element = find(css);
            return !element.isEmpty() && displayed(element);
        },
        ms);
    return shown ? element : QString();
}

bool WebDriver::click(const QString &element)
{
    call("POST", session(QStringLiteral("/element/%1/click").arg(element)));
    return m_error.isEmpty();
}

bool WebDriver::sendKeys(const QString &element, const QString &text)
{
    call("POST", session(QStringLiteral("/element/%1/value").arg(element)),
         {{QStringLiteral("text"), text}});
    return m_error.isEmpty();
}

QString WebDriver::text(const QString &element)
{
    return call("GET", session(QStringLiteral("/element/%1/text").arg(element))).toString();
}

bool WebDriver::displayed(const QString &element)
{
    return call("GET", session(QStringLiteral("/element/%1/displayed").arg(element))).toBool();
}

QJsonValue WebDriver::execute(const QString &script, const QJsonArray &args)
{
    return call("POST", session(QStringLiteral("/execute/sync")),
                {{QStringLiteral("script"), script}, {QStringLiteral("args"), args}});
}

bool WebDriver::switchToFrame(const QString &element)
{
    m_error.clear();
    const QJsonValue id = element.isEmpty() ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue(QJsonObject{{ElementKey, element}});
    call("POST", session(QStringLiteral("/frame")), {{QStringLiteral("id"), id}});
    return m_error.isEmpty();
}

QByteArray WebDriver::screenshotPng()
{
    return QByteArray::fromBase64(
        call("GET", session(QStringLiteral("/screenshot"))).toString().toLatin1());
}

QString WebDriver::textOf(const QString &css)
{
    const QString element = find(css);
    return element.isEmpty() ? QString() : text(element);
}

bool WebDriver::waitForText(const QString &css, const QString &needle, int ms)
{
    return QTest::qWaitFor([&] { return textOf(css).contains(needle); }, ms);
}
