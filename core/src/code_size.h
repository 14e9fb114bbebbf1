// Code that runs once per load or per panel opened, not on every input: the page's module, built for speed (-O3),
// builds it for size instead and keeps it out of its callers (with -flto they would otherwise inline a copy), so it
// costs the page's 350 KB first download less (BENCHMARKS.md, the breakdowns). Clang (Emscripten) only; the native
// build has no size budget.
#pragma once

#if defined(__clang__)
#define AIEXP_FOR_SIZE __attribute__((minsize, noinline))
#else
#define AIEXP_FOR_SIZE
#endif
