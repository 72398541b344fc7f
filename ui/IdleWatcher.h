// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace sohoa::ui {

// Emits idle() when the officer has not touched keyboard or mouse for the given time, and
// screenLocked() when the desktop's screen saver locks the screen (freedesktop D-Bus API,
// when a session bus is there): both mean the counter is unattended.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    void setTimeout(int milliseconds);
    int timeout() const { return timer_.interval(); }

signals:
    void idle();
    void screenLocked();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private slots:
    void onScreenSaverActiveChanged(bool active);

private:
    QTimer timer_;
};

} // namespace sohoa::ui
