#!/usr/bin/env bash
# A log pane swallowing a flood of conda-style output, against xterm showing the same file, in the same
# run under the same Xvfb. Usage: bench/logpane_flood.sh [BENCH_BINARY] [LINES] [RUNS]
#   BENCH_BINARY  the built bench_logpane_flood (default: build/dev/bench/bench_logpane_flood)
#   LINES         lines of output (default 1000000); RUNS: repetitions, the median is reported (default 3)
# The file: conda's output as a person sees it scroll by: package lists, every 20th line a download bar
# redrawn 5 times with '\r' (the last state ends the line), colours (SGR 1, 3x, 9x, 38;5, 38;2), window
# titles and bracketed-paste toggles. Needs xvfb-run and xterm (scripts/install-deps).
set -euo pipefail

bench=${1:-build/dev/bench/bench_logpane_flood}
lines=${2:-1000000}
runs=${3:-3}
[[ -x $bench ]] || { echo "bench: no bench_logpane_flood at $bench (build that target, or pass its path)" >&2; exit 1; }
command -v xterm >/dev/null || { echo "bench: xterm is not installed (scripts/install-deps)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "bench: xvfb-run is not installed (scripts/install-deps)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
file=$tmp/conda.log
python3 - "$lines" > "$file" <<'PY'
import sys
n = int(sys.argv[1])
E = "\x1b"
pkgs = ["numpy-1.26.0", "pytorch-2.1.0", "libcublas-12.1.0.26", "python-3.11.5", "openssl-3.0.12",
        "cuda-nvrtc-12.1.105", "mkl-2023.1.0", "pillow-10.0.1", "sympy-1.12", "networkx-3.1"]
sizes = ["6.8 MB", "1.4 GB", "329.1 MB", "32.9 MB", "5.2 MB", "19.7 MB", "171.5 MB", "760 KB"]
out = []
w = out.append
for i in range(n):
    p = pkgs[i % len(pkgs)]
    s = sizes[i % len(sizes)]
    k = i % 20
    if k == 0:
        for pct in (0, 25, 50, 75):
            bar = ("#" * (pct // 10)).ljust(10)
            w(f"{p:<22}| {s:>9} | {bar} | {pct:3d}% \r")
        w(f"{p:<22}| {s:>9} | ########## | 100% \n")
    elif k == 1:
        w(f"{E}[32m✔{E}[0m {E}[1m{p}{E}[0m installed into /home/student/miniconda3/envs/torch\n")
    elif k == 2:
        w(f"{E}[1;33mwarning{E}[0m  libmamba Could not parse mod/etag header for {p} (line {i})\n")
    elif k == 3:
        w(f"{E}[38;5;208mPreparing transaction:{E}[0m {E}[92mdone{E}[0m  {E}[38;2;120;90;200m{i}{E}[0m\n")
    elif k == 4:
        w(f"{E}]0;conda install {p}{chr(7)}{E}[?2004l  - {p}=h955ad1f_{i % 97}   conda-forge/linux-64\n")
    else:
        w(f"  {p:<22} {s:>9}  conda-forge/linux-64::{p}-py311h{i:08x}_0\n")
    if len(out) > 20000:
        sys.stdout.write("".join(out)); out.clear()
sys.stdout.write("".join(out))
PY
bytes=$(stat -c %s "$file")
printf 'machine: %s cores, load %s; file: %s lines, %s bytes (%s with \\r)\n' "$(nproc)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(tr -cd '\n' < "$file" | wc -c)" "$bytes" "$(tr -cd '\r' < "$file" | wc -c)"

# Both run on one Xvfb, one after the other, each timed by GNU time (wall, peak RSS).
cat > "$tmp/run.sh" <<SH
#!/usr/bin/env bash
set -euo pipefail
for ((r = 0; r < $runs; r++)); do
  /usr/bin/time -f 'onramp %e %M' -o "$tmp/onramp.\$r" "$bench" "$file" > "$tmp/pane.\$r"
  /usr/bin/time -f 'xterm %e %M' -o "$tmp/xterm.\$r" xterm -geometry 120x40 -sl 5000 -e cat "$file"
done
SH
chmod +x "$tmp/run.sh"
xvfb-run -a -s "-screen 0 1280x1024x24" "$tmp/run.sh"

median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
for tool in onramp xterm; do
  wall=$(cat "$tmp/$tool".* | awk '{print $2}' | median)
  rss=$(cat "$tmp/$tool".* | awk '{print $3}' | median)
  printf '%-7s wall %6.2f s  peak RSS %7d KB\n' "$tool" "$wall" "$rss"
  declare "${tool}_wall=$wall" "${tool}_rss=$rss"
done
echo "LogPane's own figures per run (wall from the first byte to the last line painted; the longest"
echo "gap between 5 ms ticks of a GUI-thread timer, less 5 ms):"
cat "$tmp"/pane.*
awk -v a="$onramp_wall" -v b="$xterm_wall" -v c="$onramp_rss" -v d="$xterm_rss" \
  'BEGIN { printf "onramp / xterm: wall %.2f, peak RSS %.2f\n", a / b, c / d }'
