class Skipped(Exception):
    pass
def full_disk_append(): raise Skipped("todo")
full_disk_compaction = read_only_user = read_only_mount = two_listeners = clock_jumps = full_disk_append
