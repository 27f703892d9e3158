"""A cell that leaves processes behind: a child, a child in its own session, and a double-forked daemon."""
# adds a cell
import os
import subprocess

subprocess.Popen(["sleep", "613.1"])
subprocess.Popen(["sleep", "613.2"], start_new_session=True)
if os.fork() == 0:
    if os.fork() == 0:
        os.setsid()
        os.execvp("sleep", ["sleep", "613.3"])
    os._exit(0)
