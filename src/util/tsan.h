// ThreadSanitizer annotations for the handoffs oneTBB orders.
//
// Debian's libtbb.so is not built with ThreadSanitizer, so TSan does not see the
// synchronisation inside its scheduler: an item handed from one parallel_pipeline stage to the
// next, a serial stage's state carried from one call to the next on another worker, or what a
// parallel_for body read before the caller's next statement, all look raced. TBB orders each
// of them (a stage's output happens before the next stage's input, a serial stage runs one call
// at a time, parallel_for returns after every body). These calls tell TSan exactly that and
// nothing more, so a race between two of our accesses TBB does not order still fails the TSan
// build. They compile to nothing in every other build.
//
// Release(key) where work is handed over and Acquire(key) where it is taken over, with the
// same key (an address); TbbHandoff below does it for a whole TBB run.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define PARALLAX_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PARALLAX_TSAN 1
#endif
#endif

#include <cstddef>
#include <cstdlib>
#include <type_traits>
#include <vector>

#ifdef PARALLAX_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace parallax::tsan {

#ifdef PARALLAX_TSAN
// Everything this thread did so far happens before whatever follows an Acquire(key).
inline void Release(const void* key) { __tsan_release(const_cast<void*>(key)); }
// What every earlier Release(key) covered happens before what this thread does next.
inline void Acquire(const void* key) { __tsan_acquire(const_cast<void*>(key)); }
#else
inline void Release(const void*) {}
inline void Acquire(const void*) {}
#endif

// One TBB run (a parallel_pipeline, or a parallel_for, inside task_arena::execute) as TSan
// sees it. Construct it just before the run and wrap each stage's (or the loop's) body:
//   tsan::TbbHandoff run(n);   // n: how many indices the stages pass on (0 when they pass
//                              // pointers, or for a parallel_for)
//   tbb::parallel_pipeline(k, tbb::make_filter<void, size_t>(serial, run.Serial(input)) &
//                             tbb::make_filter<size_t, void>(parallel, run.Parallel(work)));
//   run.Join();                // every body's work is seen by the caller from here on
// Each body takes over what the caller did before the run, its input item (an index below n,
// or a non-null pointer) as its previous stage handed it on, and, in a serial stage, the
// stage's previous call; it hands its output item and its call on in turn. Outside TSan builds
// the wrappers return the bodies unchanged.
class TbbHandoff {
 public:
  explicit TbbHandoff([[maybe_unused]] size_t indices = 0) {
#ifdef PARALLAX_TSAN
    index_keys_.resize(indices);
#endif
    Release(&start_);
  }
  TbbHandoff(const TbbHandoff&) = delete;
  TbbHandoff& operator=(const TbbHandoff&) = delete;

  template <class F>
  auto Serial(F body) {
    if (serials_ == kMaxSerial) std::abort();  // a programming error: raise kMaxSerial
    return Wrap(std::move(body), &serial_keys_[serials_++]);
  }
  template <class F>
  auto Parallel(F body) {
    return Wrap(std::move(body), nullptr);
  }
  void Join() const { Acquire(&end_); }

 private:
  static constexpr size_t kMaxSerial = 4;

  template <class F>
  auto Wrap(F body, [[maybe_unused]] const char* stage) {
    Release(&start_);  // also what the caller did since construction
#ifndef PARALLAX_TSAN
    return body;
#else
    return [this, body = std::move(body), stage](auto&& in) {
      Acquire(&start_);
      if (stage) Acquire(stage);
      if (const void* key = Key(in)) Acquire(key);
      using Out = decltype(body(in));
      if constexpr (std::is_void_v<Out>) {
        body(in);
        Done(stage);
      } else {
        Out out = body(in);
        if (const void* key = Key(out)) Release(key);
        Done(stage);
        return out;
      }
    };
#endif
  }
  void Done(const char* stage) {
    if (stage) Release(stage);
    Release(&end_);
  }
  const void* Key(size_t i) const { return i < index_keys_.size() ? &index_keys_[i] : nullptr; }
  template <class T>
  const void* Key(T* p) const {
    return p;
  }
  template <class T>
  const void* Key(const T&) const {  // tbb::flow_control, ranges: no item
    return nullptr;
  }

  char start_ = 0;
  char end_ = 0;
  char serial_keys_[kMaxSerial] = {};
  size_t serials_ = 0;
  std::vector<char> index_keys_;  // empty outside TSan builds
};

}  // namespace parallax::tsan
