#!/bin/sh
# summitbot's container entrypoint. The index lives on a volume (data/, SUMMITBOT__INDEX__DIR):
# at the first start it is empty, so the index is built before anything else runs; later
# starts reuse it (`serve` still rebuilds one that is stale or damaged). Then the command
# (`serve` by default, or `health`, `ask …`) replaces this shell, so signals reach summitbot.
set -eu
index_dir="${SUMMITBOT__INDEX__DIR:-data/index}"
if [ ! -f "$index_dir/CURRENT" ]; then
    echo "summitbot-entrypoint: no index in $index_dir; building it (first start)" >&2
    summitbot index >&2
fi
exec summitbot "$@"
