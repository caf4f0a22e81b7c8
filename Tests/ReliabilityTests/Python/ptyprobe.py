"""Runs a program on a fresh pseudo-terminal, follows a script of steps, and reports as JSON.

Used by the ReliabilityTests (issue 7): terminal safety under signals, a terminal closing under the
program, crashes, and hostile text, all checked on the RAW bytes the program wrote to the pty.
Standard library only. Usage: python3 ptyprobe.py SPEC.json  (prints one JSON object on stdout).

SPEC: {"argv": [...], "env": {...}, "cols": 100, "rows": 30, "ignore_hup": false,
       "raw_out": "/path/for/the/bytes", "steps": [STEP, ...]}
STEP: {"wait": "text", "timeout": 15}     until the bytes written contain text (UTF-8)
      {"pump": seconds}                    keep reading for a while
      {"send": "text"}                     type at the program
      {"signal": "TERM"}                   send a signal to the program
      {"http": "POST|DELETE", "url": "...", "body": "..."}   e.g. the simulator's /_sim/faults
      {"close": true}                      close the master side (the terminal goes away)
      {"exit": seconds}                    wait that long for the program to end
The result: exit status (128+N for signal N), seconds from the last step before "exit" to the end,
the CPU seconds the program used in the 2 s after a "close" when it did not end, the terminal modes
(`termios`) before the program started and after it ended, whether every "wait" was met.
Every process it starts is killed before it returns.
"""
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import fcntl
import urllib.request


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def modes(fd):
    try:
        attributes = termios.tcgetattr(fd)
    except termios.error:
        return None
    # iflag, oflag, cflag, lflag and the control characters: what `stty -g` prints.
    return [attributes[0], attributes[1], attributes[2], attributes[3], [c if isinstance(c, int) else c.hex() for c in attributes[6]]]


def main():
    spec = json.load(open(sys.argv[1]))
    cols, rows = spec.get("cols", 100), spec.get("rows", 30)
    master, slave = pty.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    before = modes(master)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        if spec.get("ignore_hup"):
            signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
        env = dict(spec.get("env", {}))
        env.setdefault("TERM", "xterm-256color")
        os.execve(spec["argv"][0], spec["argv"], env)
    os.close(slave)
    output = bytearray()
    result = {"waits_met": True, "missed": None, "exit": None, "exit_seconds": None, "spin_cpu": None}
    closed = False
    status = None

    def pump(seconds):
        nonlocal closed
        deadline = time.monotonic() + seconds
        while not closed:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return  # EIO: the slave side has no more writers (the program ended)
            if not chunk:
                return
            output.extend(chunk)

    def reap(timeout):
        nonlocal status
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
                return True
            pump(0.02) if not closed else time.sleep(0.02)
        return False

    try:
        last_step_at = time.monotonic()
        for step in spec["steps"]:
            if "wait" in step:
                needle = step["wait"].encode()
                deadline = time.monotonic() + step.get("timeout", 15)
                while needle not in output and time.monotonic() < deadline:
                    pump(0.05)
                    if os.waitpid(pid, os.WNOHANG)[0]:
                        break
                if needle not in output:
                    result["waits_met"] = False
                    result["missed"] = step["wait"]
                    break
            elif "pump" in step:
                pump(step["pump"])
            elif "send" in step:
                os.write(master, step["send"].encode())
            elif "signal" in step:
                last_step_at = time.monotonic()
                os.kill(pid, getattr(signal, "SIG" + step["signal"]))
            elif "http" in step:
                data = step.get("body", "").encode() if step["http"] == "POST" else None
                request = urllib.request.Request(step["url"], data=data, method=step["http"])
                urllib.request.urlopen(request, timeout=10).read()
            elif "close" in step:
                last_step_at = time.monotonic()
                os.close(master)
                closed = True
            elif "exit" in step:
                if reap(step["exit"]):
                    result["exit_seconds"] = round(time.monotonic() - last_step_at, 3)
                elif closed:
                    # Still running with no terminal: is it spinning?
                    start = cpu_seconds(pid)
                    time.sleep(2)
                    end = cpu_seconds(pid)
                    if start is not None and end is not None:
                        result["spin_cpu"] = round(end - start, 3)
        if status is None:
            reap(0.2)
        if not closed:
            pump(0.2)
            result["modes_before"] = before
            result["modes_after"] = modes(master)
    finally:
        if status is None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        if not closed:
            os.close(master)
    if status is not None:
        result["exit"] = os.waitstatus_to_exitcode(status)
        if result["exit"] < 0:
            result["exit"] = 128 - result["exit"]
    if spec.get("raw_out"):
        with open(spec["raw_out"], "wb") as handle:
            handle.write(output)
    result["bytes"] = len(output)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
