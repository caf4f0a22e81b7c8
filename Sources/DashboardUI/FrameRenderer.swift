/// Renders frame after frame, copying the task list's region from the previous frame when it was
/// drawn from equal inputs (`TaskListInputs`, issue 6): what the dashboard loop and the render
/// profile use. `DashboardView.render` draws every frame afresh.
public struct FrameRenderer {
    private var memo: TaskListMemo?

    /// A renderer with no previous frame.
    public init() {}

    /// The frame for `state`.
    public mutating func render(_ state: DashboardState) -> ScreenBuffer {
        let previous = memo
        return DashboardView.render(state, reusing: previous, memo: &memo)
    }
}
