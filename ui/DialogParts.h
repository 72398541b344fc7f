// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QBoxLayout;
class QDialog;
class QLabel;

namespace sohoa::ui {

// The red line where a dialog says why it stayed open (object name "error").
QLabel* addErrorLine(QBoxLayout& layout);
// OK, labelled `okText`, and Cancel, wired to the dialog's accept() and reject().
void addOkCancel(QDialog& dialog, QBoxLayout& layout, const QString& okText);

} // namespace sohoa::ui
