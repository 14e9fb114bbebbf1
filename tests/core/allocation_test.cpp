// A full recompute allocates nothing (issue: "after any change, a full recompute is O(tasks) with no
// allocation"). This binary replaces the global operator new to count allocations while a flag is set.
#include <atomic>
#include <cstdlib>
#include <new>

#include <catch2/catch.hpp>

#include "aiexp/score.h"
#include "test_data.h"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

// Every form of new and delete is replaced, so memory from any of them is released by its partner (the
// sanitizer build checks that pairing; Catch2 itself uses the nothrow form).
namespace {
void* counted_allocation(std::size_t size) noexcept {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace aiexp;

TEST_CASE("a full recompute allocates nothing, whatever the assumptions", "[score]") {
  const Bundle& bundle = aiexp::test::committed_bundle();
  Scorer scorer(bundle);
  const auto recompute_allocations = [&](const Assumptions& a) {
    REQUIRE(scorer.set(a).ok());  // set() may allocate (it copies the assumptions); recompute() must not
    g_allocations = 0;
    g_counting = true;
    scorer.recompute();
    g_counting = false;
    return g_allocations.load();
  };
  Assumptions a;
  CHECK(recompute_allocations(a) == 0);
  a.e2 = 0.5;
  a.weights = WeightScheme::Importance;
  a.bridge = BridgeMode::Blend;
  CHECK(recompute_allocations(a) == 0);
  a.label_source = LabelSource::Human;
  for (std::uint32_t t = 0; t < bundle.tasks.size(); t += 7) {
    a.overrides.push_back({bundle.tasks.id[t], Label::E1, 0.5});
  }
  CHECK(recompute_allocations(a) == 0);
}
