#!/usr/bin/env python3
"""The dcswatch benchmark suite (issue 6): one command measures every figure of the issue's table
against a release build, side by side with htop and the official Python SDK in the same run.

Usage: benchmarks/run.py [--no-build] [--quick] [--write-doc] [--skip-100k] [--skip-htop] [--only PARTS]

Everything runs on 127.0.0.1: `dcswatch simulate` (its own process, fixed seed, frozen with
`--speed 0` where "nothing changed" matters) and the program under test in a 120x40 pty with
TERM=xterm-256color. How each figure is measured: docs/BENCHMARKS.md.
"""
import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from ptyrun import PtyProgram  # noqa: E402

SEED = "7"
COLS, ROWS = 120, 40
DEMO_AK = "DEMOSIMULATORAK00001"
DEMO_SK = "demo-simulator-secret-key-not-a-real-secret"
PROJECT = "0123456789abcdef0123456789abcdef"
DOWN = b"\x1bOB"  # keypad-transmit mode (smkx), as a real xterm sends it to curses programs
PAGE_DOWN = b"\x1b[6~"
# The silence that ends the frame of a filter key or a scroll at 100,000 tasks. Curses writes one frame
# in back-to-back writes (within ~1 ms in the chunk timestamps); the next frame, the age clock's tick or
# the selected task's answers (paced to 50 ms), is another frame, which a 30-ms gap merged into the
# key's about once in 30 keys (a 4.5-ms frame measured as 18.9 ms because the clock ticked at 18.9).
FRAME_GAP_100K = 0.010
ESC = b"\x1b"
MOVE_WINDOW = 0.3  # seconds counted after each ↓: the move and the fetches it starts
LATENCY = 0.05  # a cloud-like round trip added by the simulator to every request of the fetch wall figure
DEFAULT_INTERVAL = 10  # the dashboard's default refresh interval (README: refresh_interval_seconds)


def log(text):
    print(text, file=sys.stderr, flush=True)


def ensure_tools():
    """pyte (terminal emulator) and htop are installed on demand, as the brief allows."""
    try:
        import pyte  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyte"], check=True)
    if shutil.which("htop") is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "htop"], check=False, stdout=subprocess.DEVNULL)
    # The static release build links FoundationNetworking against libcurl: it needs the -dev package.
    if subprocess.run(["dpkg", "-s", "libcurl4-openssl-dev"], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode != 0:
        # On a new machine apt's lists may be empty until `apt-get update` (seen here: the install failed).
        for attempt in range(2):
            if subprocess.run(["apt-get", "install", "-y", "-q", "libcurl4-openssl-dev"],
                              stdout=subprocess.DEVNULL).returncode == 0:
                break
            if attempt == 0:
                subprocess.run(["apt-get", "update", "-q"], stdout=subprocess.DEVNULL)


# The release build as the README installs it: the Swift runtime and Foundation linked statically
# (`--static-swift-stdlib`), in a build folder of its own so it never forces a rebuild of `.build`.
SCRATCH = os.path.join(ROOT, ".build-static")
BINARY = os.path.join(SCRATCH, "release", "dcswatch")


def binary_path():
    return BINARY


def build():
    log("building release (swift build -c release --static-swift-stdlib --product dcswatch)…")
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "dcswatch",
                    "--scratch-path", SCRATCH], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


class Simulator:
    """`dcswatch simulate` on 127.0.0.1 in its own process."""

    def __init__(self, tasks, speed, latency=0):
        started = time.monotonic()
        self.log = tempfile.TemporaryFile()
        argv = [binary_path(), "simulate", "--port", "0", "--tasks", str(tasks), "--seed", SEED, "--speed", str(speed)]
        if latency:
            argv += ["--latency", str(latency)]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.log, text=True)
        self.url = None
        for line in self.process.stdout:
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
                break
        if self.url is None:
            raise RuntimeError("the simulator did not start")
        self.startup_seconds = time.monotonic() - started

    def control(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def close(self):
        self.process.kill()
        self.process.wait()


def dashboard_env(home):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm-256color",
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HUAWEICLOUD_SDK_AK": DEMO_AK, "HUAWEICLOUD_SDK_SK": DEMO_SK,
    }
    return env


def start_dashboard(simulator, home, interval, extra=()):
    argv = [binary_path(), "watch", "--endpoint", simulator.url, "--project-id", PROJECT, "--interval", str(interval)]
    return PtyProgram(argv + list(extra), cols=COLS, rows=ROWS, env=dashboard_env(home))


class Session:
    """A program in the pty plus its emulated screen."""

    def __init__(self, program):
        from screen import EmulatedScreen
        self.program = program
        self.screen = EmulatedScreen(program)

    def settle(self, idle=0.3, timeout=10):
        self.program.quiet(idle=idle, timeout=timeout)
        self.screen.update()

    def key_to_frame(self, key, predicate=None, timeout=5.0, gap=0.03):
        """Sends `key`; returns (seconds to the last byte of the frame it caused, bytes of that frame).

        The frame is the burst of output that starts after the key and ends at a gap of `gap` s. With a
        predicate, the frame is the burst after which the emulated screen first satisfies it.
        """
        program = self.program
        self.screen.update()
        first_event = len(program.events)
        sent = time.monotonic()
        program.send(key)
        deadline = sent + timeout
        if predicate is None:
            while len(program.events) == first_event and time.monotonic() < deadline:
                program.pump(0.001)
            if len(program.events) == first_event:
                return None, 0
            # The frame ends at `gap` s of silence after its last chunk (each wait runs to that point,
            # so a later frame that starts more than `gap` after the last chunk is not counted).
            while time.monotonic() < deadline:
                last = program.events[-1][0]
                remaining = last + gap - time.monotonic()
                if remaining <= 0:
                    break
                program.pump(remaining)
            events = program.events[first_event:]
            burst = [e for e in events if e[0] <= last + 1e-9]
            return last - sent, sum(n for _, n in burst)
        # With a predicate: the frame is done at the chunk after which the emulated screen satisfies it.
        while time.monotonic() < deadline:
            if program.pump(0.001) and predicate(self.screen.lines()):
                done = program.events[-1][0]
                return done - sent, sum(n for _, n in program.events[first_event:])
        return None, 0

    def bytes_caused(self, key, seconds):
        """Sends `key` and returns every byte written in the `seconds` after it."""
        before = len(self.program.output)
        self.program.send(key)
        self.program.pump(seconds)
        self.screen.update()
        return len(self.program.output) - before

    def bytes_over(self, seconds):
        before = len(self.program.output)
        self.program.pump(seconds)
        self.screen.update()
        return len(self.program.output) - before


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def frame_complete(task_count):
    """A complete first frame: title with the task count and data age, list rows and the key hints."""
    wanted = f"{task_count} tasks"

    def predicate(lines):
        return (wanted in lines[0] and "updated" in lines[0] and len(lines[3]) > 20
                and len(lines[ROWS - 1]) > 10)
    return predicate


def measure_dashboard(results, quick):
    """Figures at 1,000 tasks against a frozen simulator."""
    simulator = Simulator(1000, 0)
    home = tempfile.mkdtemp(prefix="dcswatch-bench-")
    try:
        # Exec to first complete frame, several runs after one that is not counted: the first start
        # after a build reads the 99 MB binary into the page cache, which a user pays once per install,
        # not per start (as `hyperfine --warmup`).
        firsts = []
        runs = 3 if quick else 7
        for run in range(runs + 1):
            program = start_dashboard(simulator, home, 2)
            session = Session(program)
            done = session.screen.wait_for(frame_complete(1000), 15)
            if run > 0:
                firsts.append(None if done is None else (done - program.started) * 1000)
            if run < runs:
                program.close()
        log(f"  first frame ms: {firsts}")
        results["first_frame_ms"] = median(firsts)
        results["first_frame_runs"] = firsts

        # Idle: nothing changes (frozen simulator); the first frame is excluded.
        session.settle(1.0)
        idle_seconds = 20 if quick else 60
        cpu0 = program.cpu_seconds()
        t0 = time.monotonic()
        idle_bytes = session.bytes_over(idle_seconds)
        elapsed = time.monotonic() - t0
        cpu = program.cpu_seconds() - cpu0
        results["idle_bytes_per_refresh"] = idle_bytes / (elapsed / 2)
        results["idle_cpu_percent"] = cpu / elapsed * 100
        log(f"  idle: {idle_bytes} B over {elapsed:.1f} s, cpu {cpu:.2f} s")

        # Cursor moves: every byte a press causes, also what arrives later because of it (the selected
        # task's stats, detail and logs), up to the next press.
        per_key = []
        for _ in range(10 if quick else 20):
            per_key.append(session.bytes_caused(DOWN, MOVE_WINDOW))
        results["down_bytes"] = median(per_key)
        results["down_bytes_runs"] = per_key
        log(f"  ↓ bytes: {per_key}")
        # The same with the detail pane hidden (`d`): the list alone, as a user on a slow link may run it.
        session.key_to_frame(b"d")
        session.settle()
        per_key = [session.bytes_caused(DOWN, MOVE_WINDOW) for _ in range(10 if quick else 20)]
        results["down_bytes_no_pane"] = median(per_key)
        results["down_bytes_no_pane_runs"] = per_key
        log(f"  ↓ bytes, pane hidden: {per_key}")
        session.key_to_frame(b"d")
        session.settle()
        session.key_to_frame(b"g")
        session.settle()

        # One visible task changes status: sort by name (a status change then does not move the row),
        # find visible, unselected rows whose name is unique on the page, and override their status
        # through the simulator's control call.
        session.key_to_frame(b"s")
        session.settle()
        all_tasks = first_tasks(simulator, 1000)
        changes = []
        for screen_row, task in visible_unique_tasks(session.screen.lines(), all_tasks)[:3]:
            new_status = "FAILED" if task["status"] not in ("FAILED", "MIGRATION_FAILED") else "SUCCESS"

            def shows_new_status(lines, status=new_status, screen_row=screen_row):
                return status in lines[screen_row][:70]  # the list, not the detail pane
            session.settle()
            first_event = len(program.events)
            simulator.control("POST", f"/_sim/tasks/{task['task_id']}/status", {"status": new_status})
            _, size = wait_burst(session, shows_new_status, first_event, 6)
            changes.append(size)
            log(f"  status change on screen row {screen_row} ({task['task_name'][:16]}) → {new_status}: {size} B")
        results["status_change_bytes"] = median(changes)
        results["status_change_runs"] = changes

        # Keys while a fetch hangs: every list call hangs; `r` starts one; then ? and Esc toggle help.
        simulator.control("POST", "/_sim/faults", {"faults": ["hang:120/list"]})
        session.key_to_frame(b"r")
        program.pump(0.5)
        latencies = []
        for _ in range(5 if quick else 10):
            seconds, _ = session.key_to_frame(b"?", lambda lines: any("─ Keys ─" in line for line in lines))
            latencies.append(None if seconds is None else seconds * 1000)
            program.pump(0.1)
            seconds, _ = session.key_to_frame(ESC, lambda lines: not any("─ Keys ─" in line for line in lines))
            latencies.append(None if seconds is None else seconds * 1000)
            program.pump(0.1)
        results["hang_key_ms"] = median(latencies)
        results["hang_key_ms_max"] = max([v for v in latencies if v is not None], default=None)
        results["hang_key_runs"] = latencies
        log(f"  key during hang ms: {[round(v, 1) if v else v for v in latencies]}")
        simulator.control("DELETE", "/_sim/faults")
        results["peak_mib_1k"] = program.peak_rss_mib()
        program.close()
    finally:
        simulator.close()
        shutil.rmtree(home, ignore_errors=True)


def wait_burst(session, predicate, first_event, timeout, gap=0.05):
    """Pumps until the screen satisfies predicate; returns (time, bytes of the burst that did it)."""
    program = session.program
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        program.pump(0.002)
        session.screen.update()
        if predicate(session.screen.lines()):
            break
    else:
        return None, 0
    program.pump(gap * 2)
    events = program.events[first_event:]
    if not events:
        return None, 0
    # The burst: the events of the refresh that showed the change, separated from others by `gap`.
    last_index = len(events) - 1
    # Walk back from the end to the start of the final burst.
    end = last_index
    start = end
    while start > 0 and events[start][0] - events[start - 1][0] < gap:
        start -= 1
    return events[start][0], sum(n for _, n in events[start:end + 1])


def visible_unique_tasks(lines, tasks):
    """(screen row, task) for list rows 4 and below whose shown name matches exactly one task."""
    header = lines[2]
    if "NAME" not in header:
        return []
    # The name column ends where the next column's title starts (TYPE, or SOURCE when the progress
    # column has pushed TYPE out at 120 columns with the detail pane).
    start = header.index("NAME")
    end = start + len("NAME")
    while end < len(header) and header[end] != " ":
        end += 1  # the sort mark
    while end < len(header) and header[end] == " ":
        end += 1
    if end >= len(header) or header[end] == "│":
        return []
    found = []
    for screen_row in range(6, ROWS - 1):
        shown = lines[screen_row][start:end].strip()
        prefix = shown[:-1] if shown.endswith("…") else shown
        if not prefix:
            continue
        matches = [t for t in tasks if (t["task_name"] or "").startswith(prefix)
                   and (shown.endswith("…") or t["task_name"] == prefix)]
        if len(matches) == 1:
            found.append((screen_row, matches[0]))
    return found


def first_tasks(simulator, count):
    """The first tasks in list order, through the official SDK (independent of our client)."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkdcs.v2 import DcsClient, ListMigrationTaskRequest
    credentials = BasicCredentials(DEMO_AK, DEMO_SK, PROJECT)
    client = DcsClient.new_builder().with_credentials(credentials).with_endpoint(simulator.url).build()
    response = client.list_migration_task(ListMigrationTaskRequest(offset=0, limit=count))
    return [task.to_dict() for task in response.migration_tasks]


ONLY_FETCH = False


def options_only_fetch(results):
    """With `--only fetch`, the 100k dashboard part is left out."""
    return ONLY_FETCH


def sdk_loop(url, env):
    """One run of the official SDK's paging loop; its JSON line ({"seconds", "cpu_seconds", ...}) or None."""
    sdk = subprocess.run([sys.executable, os.path.join(HERE, "sdk_fetch.py"), url, PROJECT],
                         capture_output=True, text=True, env=env)
    try:
        return json.loads(sdk.stdout)
    except ValueError:
        log(f"  SDK loop failed: {sdk.stderr[-300:]}")
        return None


def measure_fetch_wall(results, quick, env):
    """`dcswatch list --output json >/dev/null` against the SDK loop at 100,000 tasks, both with a
    cloud-like round trip (`simulate --latency 0.05`) added to every request."""
    simulator = Simulator(100_000, 0, latency=LATENCY)
    try:
        listing = [binary_path(), "list", "--output", "json", "--endpoint", simulator.url, "--project-id", PROJECT]
        subprocess.run(listing, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)  # warm-up
        ours, theirs = [], []
        for _ in range(2 if quick else 3):
            started = time.monotonic()
            try:
                listed = subprocess.run(listing, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, timeout=300)
                if listed.returncode == 0:
                    ours.append(time.monotonic() - started)
                else:
                    log(f"  dcswatch list failed ({listed.returncode}): {listed.stderr.decode()[-300:]}")
            except subprocess.TimeoutExpired:
                log("  dcswatch list --output json took over 300 s")
            sdk = sdk_loop(simulator.url, env)
            if sdk:
                theirs.append(sdk["seconds"])
        log(f"  100k with {LATENCY * 1000:.0f} ms per request: list --output json {[round(v, 2) for v in ours]} s, "
            f"SDK loop {[round(v, 2) for v in theirs]} s")
        results["list_json_latency_100k_s"] = median(ours)
        results["list_json_latency_100k_sdk_s"] = median(theirs)
    finally:
        simulator.close()


def measure_100k(results, quick):
    """Fetch speed against the SDK, and UI latency and memory with 100,000 tasks."""
    simulator = Simulator(100_000, 0)
    results["sim_startup_100k_s"] = simulator.startup_seconds
    log(f"  simulator start with 100k tasks: {simulator.startup_seconds:.2f} s")
    home = tempfile.mkdtemp(prefix="dcswatch-bench-")
    env = dashboard_env(home)
    try:
        # Two figures (docs/BENCHMARKS.md, issue 15), each alternated with the SDK's paging loop:
        # (1) wall time of `dcswatch list --output json >/dev/null` against a simulator that adds a
        # cloud-like 50 ms to every request (what a user waits for), (2) the client's own CPU (user+sys)
        # of `dcswatch debug fetch` against the SDK loop's (what a jump host pays), on the same server.
        measure_fetch_wall(results, quick, env)
        fetch = [binary_path(), "debug", "fetch", "--endpoint", simulator.url, "--project-id", PROJECT]
        our_cpu, their_cpu, our_peak, fetch_only, fetch_wall = [], [], [], [], []
        subprocess.run(fetch, capture_output=True, env=env)  # warm-up: the frozen simulator caches its pages
        for _ in range(2 if quick else 5):
            started = time.monotonic()
            child = subprocess.Popen(fetch, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            _, status, usage = os.wait4(child.pid, 0)
            output = child.stdout.read().decode()
            try:
                fetch_only.append(json.loads(output)["seconds"])
                our_peak.append(usage.ru_maxrss / 1024)
                our_cpu.append(usage.ru_utime + usage.ru_stime)
                fetch_wall.append(time.monotonic() - started)
            except (ValueError, KeyError):
                log(f"  dcswatch debug fetch failed ({status}): {child.stderr.read().decode()[-300:]}")
            sdk = sdk_loop(simulator.url, env)
            if sdk:
                their_cpu.append(sdk["cpu_seconds"])
        log(f"  100k: debug fetch CPU {[round(v, 2) for v in our_cpu]} s (wall {[round(v, 2) for v in fetch_wall]} s, "
            f"in-process {[round(v, 2) for v in fetch_only]} s), SDK loop CPU {[round(v, 2) for v in their_cpu]} s")
        results["fetch_cpu_100k_s"] = median(our_cpu)
        results["fetch_cpu_100k_sdk_s"] = median(their_cpu)
        results["fetch_100k_s"] = median(fetch_wall)
        results["fetch_only_100k_s"] = median(fetch_only)
        results["fetch_100k_list_peak_mib"] = median(our_peak)
        if options_only_fetch(results):
            return

        # A refresh of 100,000 tasks is 100 pages: with --interval 300 none runs during the key window.
        program = start_dashboard(simulator, home, 300)
        session = Session(program)
        done = session.screen.wait_for(frame_complete(100000), 120)
        results["first_frame_100k_ms"] = None if done is None else (done - program.started) * 1000
        session.settle(0.5)
        keystrokes = []
        session.key_to_frame(b"/")
        for key in [b"p", b"a", b"y", b"\x7f", b"\x7f", b"\x7f", b"o", b"r", b"d"]:
            seconds, _ = session.key_to_frame(key, timeout=10, gap=FRAME_GAP_100K)
            keystrokes.append(None if seconds is None else seconds * 1000)
            program.pump(0.05)
        session.key_to_frame(b"\x15")  # Ctrl-U: empty filter, all rows back
        session.key_to_frame(b"\r")
        session.settle()
        results["filter_100k_ms"] = median(keystrokes)
        results["filter_100k_ms_max"] = max([v for v in keystrokes if v is not None], default=None)
        log(f"  filter keystroke ms: {[round(v, 1) if v else v for v in keystrokes]}")
        scrolls = []
        for _ in range(10):
            seconds, _ = session.key_to_frame(PAGE_DOWN, timeout=10, gap=FRAME_GAP_100K)
            scrolls.append(None if seconds is None else seconds * 1000)
            program.pump(0.05)
        results["scroll_100k_ms"] = median(scrolls)
        results["scroll_100k_ms_max"] = max([v for v in scrolls if v is not None], default=None)
        log(f"  page scroll ms: {[round(v, 1) if v else v for v in scrolls]}")
        results["peak_mib_100k"] = program.peak_rss_mib()
        program.close()
    finally:
        simulator.close()
        shutil.rmtree(home, ignore_errors=True)


def measure_stats_idle(results, quick):
    """Idle CPU on a screen of running online migrations, whose stats the poller asks every 10 s (the
    1,000-task screen shows failed tasks first and polls none): 100 tasks, most of the screen running;
    then the same with `--stats-interval 3600`, so the difference is the stats polling."""
    simulator = Simulator(100, 0)
    home = tempfile.mkdtemp(prefix="dcswatch-bench-")
    try:
        seconds = 20 if quick else 60
        for key, extra in [("idle_cpu_stats_percent", ()), ("idle_cpu_no_stats_percent", ("--stats-interval", "3600"))]:
            program = start_dashboard(simulator, home, 2, extra)
            session = Session(program)
            session.screen.wait_for(frame_complete(100), 15)
            session.settle(1.0)
            results["running_on_screen"] = sum(1 for line in session.screen.lines()[3:ROWS - 1] if line.startswith("▶"))
            cpu0 = program.cpu_seconds()
            t0 = time.monotonic()
            session.bytes_over(seconds)
            results[key] = (program.cpu_seconds() - cpu0) / (time.monotonic() - t0) * 100
            program.close()
        log(f"  idle CPU, 100 tasks: {results['idle_cpu_stats_percent']:.2f} % with stats polling, "
            f"{results['idle_cpu_no_stats_percent']:.2f} % without")
    finally:
        simulator.close()
        shutil.rmtree(home, ignore_errors=True)


def measure_default_idle(results, quick):
    """Idle CPU at 1,000 tasks as a user runs it: the default refresh interval (10 s), no `--interval`.
    The 2 s figure of the dashboard part is the same session at five times the request rate."""
    simulator = Simulator(1000, 0)
    home = tempfile.mkdtemp(prefix="dcswatch-bench-")
    try:
        argv = [binary_path(), "watch", "--endpoint", simulator.url, "--project-id", PROJECT]
        program = PtyProgram(argv, cols=COLS, rows=ROWS, env=dashboard_env(home))
        session = Session(program)
        session.screen.wait_for(frame_complete(1000), 15)
        session.settle(1.0)
        cpu0 = program.cpu_seconds()
        t0 = time.monotonic()
        session.bytes_over(30 if quick else 90)
        results["idle_cpu_default_percent"] = (program.cpu_seconds() - cpu0) / (time.monotonic() - t0) * 100
        program.close()
        log(f"  idle CPU, 1,000 tasks, {DEFAULT_INTERVAL} s refresh: {results['idle_cpu_default_percent']:.2f} %")
    finally:
        simulator.close()
        shutil.rmtree(home, ignore_errors=True)


def measure_serve(results, quick):
    """`dcswatch serve` at 1,000 tasks with its default intervals (issue 18), scraped every 15 s as a
    Prometheus would: its own CPU (utime + stime from /proc) over 90 s (30 s with `--quick`) after the
    first complete exposition, and its peak memory (VmHWM)."""
    simulator = Simulator(1000, 0)
    home = tempfile.mkdtemp(prefix="dcswatch-bench-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [binary_path(), "serve", "--endpoint", simulator.url, "--project-id", PROJECT, "--listen", f"127.0.0.1:{port}"]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dashboard_env(home))

    def scrape():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            return response.read()

    try:
        deadline = time.monotonic() + 60
        body = b""
        while time.monotonic() < deadline:
            try:
                body = scrape()
                if body.count(b"dcswatch_migration_task_info{") >= 1000:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        time.sleep(2)

        def cpu():
            with open(f"/proc/{process.pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        cpu0, t0 = cpu(), time.monotonic()
        window = 30 if quick else 90
        while time.monotonic() - t0 < window:
            time.sleep(min(15, window - (time.monotonic() - t0)))
            body = scrape()
        results["serve_idle_cpu_percent"] = (cpu() - cpu0) / (time.monotonic() - t0) * 100
        with open(f"/proc/{process.pid}/status") as handle:
            results["serve_peak_mib"] = next(int(line.split()[1]) / 1024 for line in handle if line.startswith("VmHWM:"))
        results["serve_scrape_kib"] = len(body) / 1024
        log(f"  serve, 1,000 tasks: idle CPU {results['serve_idle_cpu_percent']:.2f} %, "
            f"peak {results['serve_peak_mib']:.1f} MiB, scrape {results['serve_scrape_kib']:.0f} KiB")
    finally:
        process.kill()
        process.wait()
        simulator.close()
        shutil.rmtree(home, ignore_errors=True)


def measure_htop(results, quick):
    """The htop baseline in the same pty: `htop -d 20` refreshes every 2 s."""
    home = tempfile.mkdtemp(prefix="dcswatch-bench-htop-")
    try:
        env = dashboard_env(home)
        program = PtyProgram(["htop", "-d", "20"], cols=COLS, rows=ROWS, env=env)
        session = Session(program)
        program.pump(3)
        seconds = 20 if quick else 60
        cpu0 = program.cpu_seconds()
        t0 = time.monotonic()
        total = session.bytes_over(seconds)
        elapsed = time.monotonic() - t0
        results["htop_bytes_per_refresh"] = total / (elapsed / 2)
        results["htop_cpu_percent"] = (program.cpu_seconds() - cpu0) / elapsed * 100
        per_key = []
        for _ in range(10 if quick else 20):
            per_key.append(session.bytes_caused(DOWN, MOVE_WINDOW))
        results["htop_down_bytes"] = median(per_key)
        results["htop_peak_mib"] = program.peak_rss_mib()
        program.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "load": os.getloadavg()[0]}


def fmt(value, unit, digits=0):
    if value is None:
        return "n/a"
    return f"{value:.{digits}f} {unit}".strip()


def table(results):
    """Rows: figure, ours, target, baseline, pass."""
    r = results.get
    rows = []

    def row(figure, ours, target, baseline, ok):
        rows.append((figure, ours, target, baseline, "n/a" if ok is None else ("PASS" if ok else "FAIL")))

    def check(value, test):
        return None if value is None else test(value)

    row("bytes per refresh, nothing changed (1,000 tasks, 2 s)", fmt(r("idle_bytes_per_refresh"), "B"), "≤ 100 B",
        "htop " + fmt(r("htop_bytes_per_refresh"), "B"), check(r("idle_bytes_per_refresh"), lambda v: v <= 100))
    row("bytes when one visible task changes status", fmt(r("status_change_bytes"), "B"), "≤ 600 B", "–",
        check(r("status_change_bytes"), lambda v: v <= 600))
    htop_down = r("htop_down_bytes")
    row("bytes per cursor move (↓), detail pane on", fmt(r("down_bytes"), "B"), "< htop's (same run)",
        "htop " + fmt(htop_down, "B"), check(r("down_bytes"), lambda v: htop_down is not None and v < htop_down))
    row("bytes per cursor move (↓), detail pane hidden (`d`)", fmt(r("down_bytes_no_pane"), "B"), "≤ 200 B",
        "htop " + fmt(htop_down, "B"), check(r("down_bytes_no_pane"), lambda v: v <= 200))
    row("idle CPU, default 10 s refresh, 1,000 tasks", fmt(r("idle_cpu_default_percent"), "%", 2), "≤ 0.2 %",
        "htop " + fmt(r("htop_cpu_percent"), "%", 2) + " (2 s)", check(r("idle_cpu_default_percent"), lambda v: v <= 0.2))
    row("exec to first complete frame with data", fmt(r("first_frame_ms"), "ms"), "≤ 150 ms", "–",
        check(r("first_frame_ms"), lambda v: v <= 150))
    row("key to next frame while a fetch hangs (median; max)",
        fmt(r("hang_key_ms"), "ms", 1) + "; " + fmt(r("hang_key_ms_max"), "ms", 1), "≤ 50 ms", "–",
        check(r("hang_key_ms_max"), lambda v: v <= 50))
    row("peak memory, 1,000 tasks", fmt(r("peak_mib_1k"), "MiB", 1), "≤ 40 MiB",
        "htop " + fmt(r("htop_peak_mib"), "MiB", 1), check(r("peak_mib_1k"), lambda v: v <= 40))
    def ratio(ours, theirs):
        return r(theirs) / r(ours) if r(ours) and r(theirs) else None

    wall = ratio("list_json_latency_100k_s", "list_json_latency_100k_sdk_s")
    row("100k tasks, 50 ms per request: `list --output json` wall time",
        fmt(r("list_json_latency_100k_s"), "s", 2) + (f" ({wall:.1f}× faster)" if wall else ""),
        "≥ 5× faster than SDK", "SDK loop " + fmt(r("list_json_latency_100k_sdk_s"), "s", 2), check(wall, lambda v: v >= 5))
    cpu = ratio("fetch_cpu_100k_s", "fetch_cpu_100k_sdk_s")
    row("100k tasks: `debug fetch` client CPU (user+sys)",
        fmt(r("fetch_cpu_100k_s"), "s", 2) + (f" ({cpu:.1f}× less)" if cpu else ""),
        "≥ 5× less than SDK", "SDK loop " + fmt(r("fetch_cpu_100k_sdk_s"), "s", 2), check(cpu, lambda v: v >= 5))
    row("100k tasks: filter keystroke to frame (median; max)",
        fmt(r("filter_100k_ms"), "ms", 1) + "; " + fmt(r("filter_100k_ms_max"), "ms", 1), "≤ 16 ms", "–",
        check(r("filter_100k_ms_max"), lambda v: v <= 16))
    row("100k tasks: page scroll to frame (median; max)",
        fmt(r("scroll_100k_ms"), "ms", 1) + "; " + fmt(r("scroll_100k_ms_max"), "ms", 1), "≤ 16 ms", "–",
        check(r("scroll_100k_ms_max"), lambda v: v <= 16))
    row("100k tasks: peak memory", fmt(r("peak_mib_100k"), "MiB", 1), "≤ 150 MiB", "–",
        check(r("peak_mib_100k"), lambda v: v <= 150))
    return rows


def markdown(results, info):
    lines = [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['cpu']}), Linux {info['kernel']}, "
        f"load average {info['load']:.1f} at the start.",
        "",
        "| figure | dcswatch | target | baseline (same run) | result |",
        "|---|---|---|---|---|",
    ]
    for figure, ours, target, baseline, ok in table(results):
        lines.append(f"| {figure} | {ours} | {target} | {baseline} | {ok} |")
    extra = []
    if results.get("idle_cpu_percent") is not None:
        extra.append(f"idle CPU at 1,000 tasks with a 2 s refresh (`--interval 2`, the session of the byte figures): "
                     f"{results['idle_cpu_percent']:.2f} %")
    if results.get("idle_cpu_stats_percent") is not None:
        extra.append(f"idle CPU with 100 tasks, {results['running_on_screen']} of them running on screen (the stats of "
                     f"the online ones asked every 10 s): {results['idle_cpu_stats_percent']:.2f} %, and {results['idle_cpu_no_stats_percent']:.2f} % "
                     f"with `--stats-interval 3600`")
    if results.get("serve_idle_cpu_percent") is not None:
        extra.append(f"`dcswatch serve` at 1,000 tasks, default intervals (list every 15 s, the stats of every "
                     f"running online task every 60 s), scraped every 15 s: idle CPU {results['serve_idle_cpu_percent']:.2f} %, "
                     f"peak memory {results['serve_peak_mib']:.1f} MiB, {results['serve_scrape_kib']:.0f} KiB per scrape")
    if results.get("first_frame_100k_ms") is not None:
        extra.append(f"exec to first frame with 100,000 tasks: {results['first_frame_100k_ms']:.0f} ms")
    if results.get("sim_startup_100k_s") is not None:
        extra.append(f"simulator start with 100,000 tasks: {results['sim_startup_100k_s'] * 1000:.0f} ms")
    if results.get("fetch_100k_list_peak_mib") is not None:
        extra.append(f"`dcswatch debug fetch` peak memory at 100,000 tasks: "
                     f"{results['fetch_100k_list_peak_mib']:.1f} MiB")
    if results.get("fetch_100k_s") is not None:
        extra.append(f"`dcswatch debug fetch` wall time at 100,000 tasks, no added latency: {results['fetch_100k_s']:.2f} s")
    if results.get("fetch_only_100k_s") is not None:
        extra.append(f"`dcswatch debug fetch` (the fetch alone, timed in the process) at 100,000 tasks: "
                     f"{results['fetch_only_100k_s']:.2f} s")
    if extra:
        lines += ["", "Also measured: " + "; ".join(extra) + "."]
    return "\n".join(lines)


def write_doc(text):
    path = os.path.join(ROOT, "docs", "BENCHMARKS.md")
    with open(path) as handle:
        doc = handle.read()
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    if start not in doc or end not in doc:
        raise SystemExit("docs/BENCHMARKS.md lacks the results markers")
    before, rest = doc.split(start, 1)
    _, after = rest.split(end, 1)
    with open(path, "w") as handle:
        handle.write(before + start + "\n" + text + "\n" + end + after)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="use the existing release build")
    parser.add_argument("--quick", action="store_true", help="shorter windows and fewer repetitions")
    parser.add_argument("--write-doc", action="store_true", help="put the table into docs/BENCHMARKS.md")
    parser.add_argument("--skip-100k", action="store_true", help="leave out the 100,000-task figures")
    parser.add_argument("--skip-htop", action="store_true", help="leave out the htop baseline")
    parser.add_argument("--json", help="also write the raw results to this file")
    parser.add_argument("--binary", help="measure this dcswatch binary (implies --no-build)")
    parser.add_argument("--only", help="run only these parts, comma-separated: dashboard (1,000 tasks), stats "
                        "(idle with stats polling, 100 tasks), idle (idle at the default 10 s refresh), serve (1,000 tasks), htop, "
                        "100k (fetch and the 100k dashboard), fetch (the 100k fetch alone)")
    options = parser.parse_args()
    if options.binary:
        global BINARY
        BINARY = os.path.abspath(options.binary)
        options.no_build = True
    ensure_tools()
    if not options.no_build:
        build()
    info = machine()
    results = {}
    parts = set((options.only or "dashboard,stats,idle,serve,htop,100k").split(","))
    if "fetch" in parts:
        global ONLY_FETCH
        ONLY_FETCH = "100k" not in parts
        parts.add("100k")
    if "dashboard" in parts:
        log("1,000 tasks (frozen simulator)…")
        measure_dashboard(results, options.quick)
    if "stats" in parts:
        log("100 tasks, stats polling…")
        measure_stats_idle(results, options.quick)
    if "idle" in parts:
        log("1,000 tasks, default refresh interval…")
        measure_default_idle(results, options.quick)
    if "serve" in parts:
        log("serve, 1,000 tasks…")
        measure_serve(results, options.quick)
    if not options.skip_htop and "htop" in parts:
        log("htop baseline…")
        measure_htop(results, options.quick)
    if not options.skip_100k and "100k" in parts:
        log("100,000 tasks…")
        measure_100k(results, options.quick)
    text = markdown(results, info)
    print(text)
    if options.json:
        with open(options.json, "w") as handle:
            json.dump({"machine": info, "results": results}, handle, indent=2)
    if options.write_doc:
        write_doc(text)


if __name__ == "__main__":
    main()
