#!/usr/bin/env bash
# Installs the Debian packages zhpolicy needs (only those missing), creates the
# project venv (.venv, with Debian's Python packages visible) and installs
# zhpolicy into it, offline. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libre2-dev libboost-container-dev libopencc-dev libopencc-data opencc
  pybind11-dev python3-pybind11 catch2
  # Fuzzing (libFuzzer) and instruction counts for the resource tests:
  clang libclang-rt-14-dev valgrind
  python3-jieba python3-dev python3-venv python3-pip python3-setuptools python3-wheel
  python3-pytest python3-tqdm python3-pandas python3-numpy
  # Jupyter display, notebook and Dask examples, and their tests:
  python3-ipykernel python3-nbclient python3-nbformat python3-matplotlib python3-pil
  python3-dask python3-distributed chromium fonts-wqy-microhei
)
if [[ -n "${ZHPOLICY_EXTRA_PACKAGES:-}" ]]; then
  read -r -a extra <<< "${ZHPOLICY_EXTRA_PACKAGES}"
  PACKAGES+=("${extra[@]}")
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "zhpolicy setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The project's venv: Debian's python3, so python3-* packages are importable.
if [[ ! -x .venv/bin/python ]]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
echo "zhpolicy setup: building and installing the Python package into .venv"
PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 .venv/bin/python -m pip install -q \
  --no-build-isolation .
# Jupyter run from the venv (or told to use its "python3" kernel) gets this
# interpreter, which has zhpolicy, instead of Debian's /usr/bin/python3.
if [[ ! -f .venv/share/jupyter/kernels/python3/kernel.json ]]; then
  PYDEVD_DISABLE_FILE_VALIDATION=1 .venv/bin/python -m ipykernel install --sys-prefix --name python3 \
    --display-name "Python 3 (zhpolicy .venv)" >/dev/null
fi
