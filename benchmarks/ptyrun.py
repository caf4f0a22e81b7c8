"""Runs a program in a pseudo-terminal and measures what it writes, costs and answers.

Used by benchmarks/run.py. Standard library only (pty, os, select), plus pyte for deciding when a
frame on screen is complete. Every process it starts is killed on exit.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time


class PtyProgram:
    """A child process on a pty of a given size, with every byte it writes counted and kept."""

    def __init__(self, argv, cols=120, rows=40, env=None):
        self.cols, self.rows = cols, rows
        self.output = bytearray()
        self.events = []  # (monotonic time, byte count) per read
        pid, fd = pty.fork()
        if pid == 0:
            child_env = dict(os.environ if env is None else env)
            child_env.setdefault("TERM", "xterm-256color")
            child_env["COLUMNS"], child_env["LINES"] = str(cols), str(rows)
            os.execvpe(argv[0], argv, child_env)
        self.pid, self.fd = pid, fd
        self.started = time.monotonic()
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(self, seconds):
        """Reads output for `seconds`; returns the bytes read in that time."""
        deadline = time.monotonic() + seconds
        got = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return got
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return got
            if not chunk:
                return got
            self.output += chunk
            self.events.append((time.monotonic(), len(chunk)))
            got += len(chunk)

    def wait_for(self, predicate, timeout):
        """Pumps until predicate(output) is true; returns the time it became true, or None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.output):
                return time.monotonic()
            self.pump(0.005)
        return time.monotonic() if predicate(self.output) else None

    def quiet(self, idle=0.15, timeout=5):
        """Pumps until no byte arrives for `idle` seconds; returns the time of the last byte."""
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < deadline:
            if self.pump(idle) == 0:
                break
            last = self.events[-1][0]
        return last

    def send(self, data):
        """Types bytes at the program."""
        os.write(self.fd, data)

    def cpu_seconds(self):
        """User + system CPU seconds the child used so far (from /proc)."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def peak_rss_mib(self):
        """Peak resident memory (VmHWM) in MiB."""
        with open(f"/proc/{self.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def close(self):
        """Kills the child and reaps it."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass
