"""A terminal emulator view of a PtyProgram's output (pyte), to decide what is on screen and when.

Bytes are fed as they arrive, so "the first time the screen showed X" can be read against the byte
timeline the program wrote (benchmarks/ptyrun.py keeps it).
"""
import pyte


class EmulatedScreen:
    """A pyte screen fed incrementally from a PtyProgram's `output`."""

    def __init__(self, program):
        self.program = program
        self.screen = pyte.Screen(program.cols, program.rows)
        self.stream = pyte.ByteStream(self.screen)
        self.fed = 0

    def update(self):
        """Feeds the bytes that arrived since the last call."""
        if self.fed < len(self.program.output):
            self.stream.feed(bytes(self.program.output[self.fed:]))
            self.fed = len(self.program.output)

    def lines(self):
        """The screen's rows, trailing spaces trimmed."""
        self.update()
        return [line.rstrip() for line in self.screen.display]

    def text(self):
        """The whole screen as one string."""
        return "\n".join(self.lines())

    def wait_for(self, predicate, timeout):
        """Pumps the program until predicate(lines) is true; returns the monotonic time or None."""
        return self.program.wait_for(lambda _output: predicate(self.lines()), timeout)
