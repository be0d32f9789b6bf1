#!/usr/bin/env bash
# Typesets the sample paper's pages (page-NN.tex, in jiangcheng.sty's look) into page-NN.pdf
# with XeLaTeX and ctex, and joins them into issue.pdf, the whole issue. README.md says what
# to install. The dates in the PDFs are fixed, so that typesetting again gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=1795737600 FORCE_SOURCE_DATE=1   # 2026-11-27
# Typeset here, not in a temporary folder: the PDF's ID is made from the output's path.
trap 'rm -f page-*.aux page-*.log' EXIT
pages=()
for tex in page-*.tex; do
  xelatex -interaction=nonstopmode -halt-on-error "$tex" >/dev/null 2>&1 || { tail -20 "${tex%.tex}.log"; exit 1; }
  pages+=("${tex%.tex}.pdf")
done
pdfunite "${pages[@]}" issue.pdf
ls -l page-*.pdf issue.pdf
