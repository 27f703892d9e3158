"""A pad_idx_seqs that kills its process, in a notebook that first replaced every kernel file it could reach: the
kernel spec with a link out of the sandbox, the connection files of the kernels to come with FIFOs. Starting the
next kernel, the grader must write through none of them, nor wait on one."""
# replaces: pad_idx_seqs
import os

from ipykernel.connect import get_connection_file

OUTSIDE = "/tmp/kit-hostile-written-through-a-link"


def replace(path, fifo):
    try:
        os.unlink(path)
    except OSError:
        pass
    try:
        os.mkfifo(path) if fifo else os.symlink(OUTSIDE, path)
    except OSError:
        pass


connections = os.path.dirname(get_connection_file())
for start in range(1, 10):
    replace(os.path.join(connections, f"kernel-{start}.json"), fifo=True)
for top in {os.path.dirname(os.getcwd()), os.path.dirname(connections)}:
    for root, folders, files in os.walk(top):
        for name in files:
            if name == "kernel.json":
                replace(os.path.join(root, name), fifo=False)


def pad_idx_seqs(idx_seqs):
    os._exit(1)
