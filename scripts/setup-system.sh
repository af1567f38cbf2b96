#!/usr/bin/env bash
# npm run setup:system — installs the Debian packages the system tests need:
#   chromium (task-pane end-to-end tests), libreoffice-calc (the file tool's output opened headless),
#   libxml2-utils (xmllint: manifest XSD validation), fonts-noto-cjk (Chinese text in rendered output),
#   python3-openpyxl, python3-xlsxwriter (workbooks from other producers), python3-lxml (ECMA-376 schema checks),
#   poppler-utils (pdftoppm: the printed tables' PDF as PNG for the user guides),
#   firefox-esr (the single-file page in Firefox: test/system/single-file-firefox.test.ts, through puppeteer-core).
# As root (or with passwordless sudo) it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

PACKAGES=(chromium libreoffice-calc libxml2-utils fonts-noto-cjk python3-openpyxl python3-xlsxwriter python3-lxml poppler-utils firefox-esr)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "系统测试所需软件包均已安装 / All system-test packages are installed: ${PACKAGES[*]}"
  exit 0
fi

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "安装 / Installing: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "安装（sudo）/ Installing with sudo: ${missing[*]}"
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "缺少软件包 / Missing packages: ${missing[*]}"
  echo "请以 root 运行 / Run as root:"
  echo "  sudo sh -c '$cmd'"
  exit 1
fi
