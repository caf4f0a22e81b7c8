import DCSKit

/// Draws the whole dashboard into a fresh `ScreenBuffer` (View of Model-Update-View). Pure.
public enum DashboardView {
    /// Renders `state` at `state.size`.
    public static func render(_ state: DashboardState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.columns, height: state.size.rows)
        let layout = DashboardLayout(state)
        if layout.tooSmall {
            let notice = "Terminal too small (min 20×5)"
            buffer.put(DisplayWidth.truncate(notice, to: buffer.width), x: 0, y: 0, style: CellStyle(.error))
            return buffer
        }
        HeaderView.draw(state, area: layout.header, into: &buffer)
        if let banner = layout.banner {
            HeaderView.drawBanner(state, area: banner, into: &buffer)
        }
        if state.showEvents && layout.detail == nil {
            // No room beside the list: the events take the whole body.
            let top = layout.columnHeader?.y ?? layout.list.y
            EventsView.draw(
                state, area: .init(x: 0, y: top, width: layout.list.width, height: layout.list.y + layout.list.height - top),
                into: &buffer)
        } else if layout.placement != .full {
            TaskListView.draw(state, layout: layout, into: &buffer)
        }
        if let detail = layout.detail {
            if state.showEvents {
                EventsView.draw(
                    state, area: EventsView.area(in: detail, placement: layout.placement, symbols: state.symbols, into: &buffer),
                    into: &buffer)
            } else {
                DetailView.draw(state, area: detail, placement: layout.placement, into: &buffer)
            }
        }
        BottomLineView.draw(state, area: layout.bottom, into: &buffer)
        ActionPanelView.draw(state, into: &buffer)
        if state.showHelp {
            HelpOverlayView.draw(state, into: &buffer)
        }
        return buffer
    }

    /// Draws a row of parts left to right, each in its own style, separated by `gap` spaces, stopping
    /// at the area's width (the last part that does not fit is cut with `…`).
    static func drawParts(
        _ parts: [(String, CellStyle)], x: Int, y: Int, width: Int, gap: Int = 2, into buffer: inout ScreenBuffer
    ) {
        var column = x
        for (index, part) in parts.enumerated() {
            let room = x + width - column
            guard room > 0 else { return }
            let text = DisplayWidth.truncate(part.0, to: room)
            column += buffer.put(text, x: column, y: y, style: part.1, limit: room)
            if index < parts.count - 1 { column += gap }
        }
    }
}
