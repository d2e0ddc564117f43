#!/usr/bin/env bash
# Renders the pull-request comment for a large repository (17 kits, about 800 findings, a pull request with
# progress, one regression and new errors; scripts/reports/large-repo.py) the way a reviewer sees it:
# speckit's Markdown through cmark-gfm to HTML, then headless Chromium to a PNG.
# Usage: scripts/reports/render-comment.sh SPECKIT [OUT.png] (default docs/pr-comment.png).
# Needs cmark-gfm and chromium (apt-get install cmark-gfm chromium). GitHub renders the Mermaid chart, which
# needs mermaid.js; offline it shows as its code block.
set -euo pipefail
cd "$(dirname "$0")/../.."
speckit=$(realpath "${1:?usage: render-comment.sh SPECKIT [OUT.png]}")
out=$(realpath -m "${2:-docs/pr-comment.png}")
command -v cmark-gfm >/dev/null || { echo "render-comment: cmark-gfm is missing (apt-get install cmark-gfm)" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-comment: chromium is missing (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 scripts/reports/large-repo.py "$tmp/repo"
status=0
(cd "$tmp/repo" && "$speckit" validate --base main --fail-on new --format markdown > "$tmp/comment.md") || status=$?
[ "$status" -eq 1 ] || { echo "render-comment: expected exit 1 (new errors), got $status" >&2; exit 1; }
# The comment as GitHub shows it: its HTML (details, summary, sub) kept, in a page with GitHub's look.
{
  cat <<'HTML'
<!doctype html><meta charset="utf-8"><style>
body{font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;background:#fff}
.comment{width:880px;margin:16px;border:1px solid #d1d9e0;border-radius:6px}
.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}
.body{padding:16px}
h3{font-size:1.25em;margin:0 0 12px}h4{font-size:1em;margin:20px 0 8px}
table{border-collapse:collapse;display:block;overflow:auto;margin:0 0 12px}
td,th{border:1px solid #d1d9e0;padding:4px 10px}th{background:#f6f8fa}
code{background:#eff1f3;border-radius:4px;padding:1px 4px;font-size:85%}
pre{background:#f6f8fa;border-radius:6px;padding:12px;font-size:85%}
a{color:#0969da;text-decoration:none}sub{color:#59636e}summary{cursor:pointer;margin:8px 0}
</style><div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="body">
HTML
  cmark-gfm --unsafe --extension table --extension autolink --extension strikethrough "$tmp/comment.md"
  echo '</div></div>'
} > "$tmp/comment.html"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=914,1950 --screenshot="$tmp/full.png" "file://$tmp/comment.html" > "$tmp/chromium.log" 2>&1 \
  || { cat "$tmp/chromium.log" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
cp "$tmp/full.png" "$out"
echo "render-comment: $(wc -c < "$tmp/comment.md") bytes of Markdown → $out"
