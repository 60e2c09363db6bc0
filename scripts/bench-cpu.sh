#!/usr/bin/env bash
# The CPU every benchmark table is measured on: model name, cores and the SIMD flags that decide which kernels
# oneDNN / XNNPACK pick (printed with each table: figures from another CPU are not comparable).
model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
flags="$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx|fma|f16c|amx|sse4_2)' | sort -u | tr '\n' ' ')"
echo "CPU: ${model:-unknown}, $(nproc) cores; flags: ${flags:-none}"
