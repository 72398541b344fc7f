// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IdleWatcher.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEvent>

namespace sohoa::ui {

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent)
{
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected())
        bus.connect(QStringLiteral("org.freedesktop.ScreenSaver"),
                    QStringLiteral("/org/freedesktop/ScreenSaver"),
                    QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"),
                    this, SLOT(onScreenSaverActiveChanged(bool)));
}

void IdleWatcher::setTimeout(int milliseconds)
{
    timer_.setInterval(milliseconds);
    timer_.start();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (timer_.interval() > 0)
            timer_.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::onScreenSaverActiveChanged(bool active)
{
    if (active)
        emit screenLocked();
}

} // namespace sohoa::ui
