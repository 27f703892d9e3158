"""A cell that prints 200 MiB; every function is the reference's."""
# adds a cell
for _ in range(200):
    print("x" * 2**20)
