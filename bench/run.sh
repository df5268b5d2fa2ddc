#!/usr/bin/env bash
# Builds the same synthetic corpus with portail, Hugo and Zola, interleaved, and prints the median
# wall time, CPU time (user + system) and peak RSS of each, with ratios to portail.
#
#   bench/run.sh [N...]          N = number of generated pages; default: 1000 10000
#
# Environment:
#   PORTAIL  portail binary; default target/release/portail, built here with cargo build --release
#   HUGO     hugo binary; default `hugo` on PATH (Debian: apt-get install hugo); skipped if absent
#   ZOLA     zola binary; default `zola` on PATH; skipped if absent
#   ROUNDS   rounds per N (default 3); each round runs portail, hugo, zola once, in that order
#   WORK     work folder (default target/bench); holds one folder per N, rewritten each time
#   DATE     the --date portail builds with (default 2026-11-22)
#
# Results: a table per N on standard output, and the same table in bench/results-N.md.
# See bench/README.md.
set -euo pipefail

# Binaries as absolute paths (each tool runs from its own site folder), found from where the
# script was started; empty when absent.
absolute() { if [ -n "$1" ] && command -v "$1" >/dev/null 2>&1; then realpath "$(command -v "$1")"; fi; }
portail_given=${PORTAIL:-}
PORTAIL=$(absolute "${PORTAIL:-}")
HUGO=$(absolute "${HUGO:-hugo}")
ZOLA=$(absolute "${ZOLA:-zola}")
if [ -n "$portail_given" ] && [ -z "$PORTAIL" ]; then
    echo "PORTAIL=$portail_given: no such program" >&2
    exit 1
fi
work=$(realpath -m "${WORK:-$(dirname "$0")/../target/bench}")

cd "$(dirname "$0")/.."
repo=$(pwd)
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
rounds=${ROUNDS:-3}
date=${DATE:-2026-11-22}
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000); fi

if [ ! -x /usr/bin/time ]; then
    echo "GNU time is needed at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
fi

# The generator and the peers' converter always; portail too unless PORTAIL names a binary.
if [ -z "$portail_given" ]; then
    cargo build --release --quiet --bin portail --example synthetic_site --example bench_peers
    PORTAIL=$target/release/portail
else
    cargo build --release --quiet --example synthetic_site --example bench_peers
fi
synthetic=$target/release/examples/synthetic_site
peers=$target/release/examples/bench_peers

tools=(portail)
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "portail: $("$PORTAIL" --version 2>&1 | head -1) ($PORTAIL; repository at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'))"
if [ -n "$HUGO" ]; then
    tools+=(hugo)
    echo "hugo:    $("$HUGO" version | head -1) ($HUGO)"
else
    echo "hugo:    not found (set HUGO or install the Debian package hugo): skipped"
fi
if [ -n "$ZOLA" ]; then
    tools+=(zola)
    echo "zola:    $("$ZOLA" --version | head -1) ($ZOLA)"
else
    echo "zola:    not found (set ZOLA to a zola binary or put zola on PATH): skipped"
fi

# The site folder of a tool ($dir/portail, $dir/hugo, $dir/zola), and the command that builds
# it, run from that folder as a user would, into its default output folder public/.
site() { echo "$dir/$1"; }
command_for() {
    case $1 in
        portail) cmd=("$PORTAIL" build --date "$date") ;;
        hugo) cmd=("$HUGO" --quiet) ;;
        zola) cmd=("$ZOLA" build) ;;
    esac
}
command_line() {
    command_for "$1"
    echo "$1 ${cmd[*]:1}"
}

# Median of numbers, one per argument.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

for n in "${sizes[@]}"; do
    dir=$work/$n
    echo
    echo "== N = $n: writing the corpus in $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    "$synthetic" "$dir/portail" "$n" >/dev/null
    # A base_url, as the peers have: portail then writes sitemap.xml and absolute feed links.
    sed -i '1i base_url = "https://exemple.fr/"' "$dir/portail/portail.toml"
    cp -r "$repo/bench/hugo" "$dir/hugo"
    cp -r "$repo/bench/zola" "$dir/zola"
    "$peers" "$dir/portail" "$dir" >/dev/null
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "   $(du -sh --apparent-size "$dir/portail/content" | cut -f1) of Markdown in content/; load average: $load"

    declare -A walls=() cpus=() rsss=()
    for round in $(seq "$rounds"); do
        for tool in "${tools[@]}"; do
            cd "$(site "$tool")"
            # A fresh output folder for every run, the previous one deleted outside the timing.
            rm -rf public
            command_for "$tool"
            if ! /usr/bin/time -f '%e %U %S %M' -o ../time-"$tool" "${cmd[@]}" >../log-"$tool" 2>&1; then
                echo "   $tool failed (round $round); its output:" >&2
                tail -20 ../log-"$tool" >&2
                exit 1
            fi
            # The last line of the file: time writes a note above it when the command fails.
            read -r wall user sys rss < <(tail -1 ../time-"$tool")
            walls[$tool]+=" $wall"
            cpus[$tool]+=" $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
            rsss[$tool]+=" $rss"
            printf '   round %d  %-8s %7.2f s wall  %7.2f s CPU  %6.0f MiB\n' "$round" "$tool" \
                "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
            cd "$repo"
        done
    done

    # The table: medians over the rounds, ratios to portail, and what each tool wrote (all HTML
    # files; the generated pages' own index.html, which should be N + 20 sections everywhere).
    results=$repo/bench/results-$n.md
    {
        echo "## N = $n generated pages"
        echo
        echo "$(nproc) CPUs; median of $rounds interleaved rounds; load average before the first: $load; after the last: $(cut -d' ' -f1-3 /proc/loadavg)."
        echo
        echo "| tool | command | wall s | CPU s | peak RSS MiB | wall / portail | CPU / portail | RSS / portail | HTML files | generated pages |"
        echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"
        # shellcheck disable=SC2086
        {
            base_wall=$(median ${walls[portail]})
            base_cpu=$(median ${cpus[portail]})
            base_rss=$(median ${rsss[portail]})
            for tool in "${tools[@]}"; do
                wall=$(median ${walls[$tool]})
                cpu=$(median ${cpus[$tool]})
                rss=$(median ${rsss[$tool]})
                html=$(find "$(site "$tool")/public" -name '*.html' | wc -l)
                pages=$(find "$(site "$tool")"/public/synthetique-* -name index.html | wc -l)
                awk -v t="$tool" -v c="$(command_line "$tool")" -v w="$wall" -v u="$cpu" -v r="$rss" \
                    -v bw="$base_wall" -v bu="$base_cpu" -v br="$base_rss" -v h="$html" -v p="$pages" \
                    'BEGIN {printf "| %s | `%s` | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %d | %d |\n",
                            t, c, w, u, r / 1024, w / bw, u / bu, r / br, h, p}'
            done
        }
    } >"$results"
    echo
    cat "$results"
    echo
    echo "   (also in ${results#"$repo"/})"
    unset walls cpus rsss
done
