#!/usr/bin/env python3
"""Times a terminal program's first frame: starts COMMAND on a new pseudo-terminal (as its
controlling terminal, COLUMNS x LINES), reads what it writes until MARKER has arrived, then
kills it. Prints one line: microseconds from just before exec to the MARKER's arrival, and the
process's peak resident memory (VmHWM, KiB) read just before the kill.

Usage: pty-first-frame.py COLUMNS LINES MARKER COMMAND [ARGS...]
Exit 1 when MARKER does not arrive within 20 s (the output so far goes to stderr)."""
import fcntl, os, select, signal, struct, subprocess, sys, termios, time

def main():
    columns, lines, marker = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
    command = sys.argv[4:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))

    def become_terminal_owner():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines))
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                             preexec_fn=become_terminal_owner, close_fds=True)
    os.close(slave)
    seen = b""
    arrived = None
    deadline = start + 20
    while arrived is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen[-(len(chunk) + len(marker)):]:
            arrived = time.perf_counter()
    peak = "0"
    try:
        with open(f"/proc/{child.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak = line.split()[1]
    except OSError:
        pass
    child.send_signal(signal.SIGKILL)
    child.wait()
    os.close(master)
    if arrived is None:
        sys.stderr.write(f"marker {marker!r} not seen; output was:\n{seen[-2000:]!r}\n")
        sys.exit(1)
    print(f"{int((arrived - start) * 1e6)} {peak}")

main()
