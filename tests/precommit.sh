#!/usr/bin/env bash
# The README's pre-commit configuration, run by the real `pre-commit` in a throwaway git
# repository: a staged reprint whose figure contradicts the corpus must stop the commit,
# and a clean one must pass. The README block is used as written, with only `repo:` and
# `rev:` pointed at this checkout's last commit (pre-commit clones what is committed).
#
#   tests/precommit.sh            skips (exit 0, with a message) when pre-commit is absent
#   tests/precommit.sh --install  installs pre-commit into a virtualenv under target/ first
#
# pre-commit builds the hook with `cargo install` once; its cache is kept under
# target/precommit-home so that later runs take seconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit > /dev/null; then
    venv="$root/target/precommit-venv"
    if [ "${1:-}" = --install ]; then
        [ -x "$venv/bin/pre-commit" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pre-commit; }
    fi
    if [ -x "$venv/bin/pre-commit" ]; then
        PATH="$venv/bin:$PATH"
    else
        echo "tests/precommit.sh: skipped: pre-commit is not installed (run with --install)"
        exit 0
    fi
fi
export PRE_COMMIT_HOME="$root/target/precommit-home"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rev=$(git -C "$root" rev-parse HEAD)

repo="$work/news"
mkdir -p "$repo/corpus"
git -C "$repo" init --quiet
git -C "$repo" config user.email test@example.com
git -C "$repo" config user.name test
# The README's block, repository and revision pointed here.
sed -n '/^# .pre-commit-config.yaml$/,/^```$/p' "$root/README.md" | sed '$d' \
    | sed "s|repo: .*|repo: $root|; s|rev: .*|rev: $rev|" > "$repo/.pre-commit-config.yaml"
grep -q "args: \[--corpus-root, corpus\]" "$repo/.pre-commit-config.yaml" || {
    echo "tests/precommit.sh: the README's pre-commit block was not found"; exit 1; }

cat > "$repo/corpus/2022-05-24-health.md" <<'ARTICLE'
---
title: 城乡医院对口帮扶
date: 2022-05-24
---

国家卫生健康委24日介绍，全国共有1007家城市三级医院与1172家县级医院建立对口帮扶关系。

中央财政累计投入资金1.4万亿元，派出医务人员11.8万人次。
ARTICLE
git -C "$repo" add -A
git -C "$repo" commit --quiet -m corpus --no-verify

# A reprint whose first figure drifted: the commit must stop.
sed 's/1007家/1070家/; s/date: 2022-05-24/date: 2022-05-25/' "$repo/corpus/2022-05-24-health.md" \
    > "$repo/corpus/2022-05-25-reprint.md"
git -C "$repo" add corpus/2022-05-25-reprint.md
if (cd "$repo" && pre-commit run > "$work/blocked.log" 2>&1); then
    cat "$work/blocked.log"
    echo "tests/precommit.sh: FAIL: a contradicting reprint passed the hook"
    exit 1
fi
grep -q "numeric-contradiction" "$work/blocked.log" || {
    cat "$work/blocked.log"; echo "tests/precommit.sh: FAIL: the hook failed for another reason"; exit 1; }

# The same reprint with the right figure: the commit goes through.
sed -i 's/1070家/1007家/' "$repo/corpus/2022-05-25-reprint.md"
git -C "$repo" add corpus/2022-05-25-reprint.md
if ! (cd "$repo" && pre-commit run > "$work/clean.log" 2>&1); then
    cat "$work/clean.log"
    echo "tests/precommit.sh: FAIL: a clean reprint was blocked"
    exit 1
fi
echo "tests/precommit.sh: ok: the README's hook blocks a contradicting reprint and passes a clean one"
