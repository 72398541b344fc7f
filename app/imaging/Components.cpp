// SPDX-License-Identifier: GPL-3.0-or-later
#include "imaging/Components.h"

#include <algorithm>

namespace sohoa::imaging {

std::vector<Component> findComponents(const Mask& mask)
{
    std::vector<Component> components;
    std::vector<std::uint8_t> seen(mask.bits.size(), 0);
    std::vector<int> stack; // pixel indices; explicit so that large regions cannot overflow
    const int w = mask.width;
    const int h = mask.height;
    for (int start = 0; start < w * h; ++start) {
        if (!mask.bits[static_cast<size_t>(start)] || seen[static_cast<size_t>(start)])
            continue;
        Component component;
        int left = w, top = h, right = -1, bottom = -1;
        seen[static_cast<size_t>(start)] = 1;
        stack.push_back(start);
        while (!stack.empty()) {
            const int index = stack.back();
            stack.pop_back();
            const int x = index % w;
            const int y = index / w;
            ++component.pixels;
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx;
                    const int ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h)
                        continue;
                    const auto next = static_cast<size_t>(ny) * w + nx;
                    if (mask.bits[next] && !seen[next]) {
                        seen[next] = 1;
                        stack.push_back(static_cast<int>(next));
                    }
                }
            }
        }
        component.box = QRect(QPoint(left, top), QPoint(right, bottom));
        component.touchesBorder = left == 0 || top == 0 || right == w - 1 || bottom == h - 1;
        components.push_back(component);
    }
    return components;
}

} // namespace sohoa::imaging
