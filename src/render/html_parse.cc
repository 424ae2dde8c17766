#include "render/html_parse.h"

#include <csetjmp>
#include <cstddef>
#include <cstdlib>

namespace gongkai::render {

namespace {
using Clock = std::chrono::steady_clock;
constexpr std::string_view kPrefix = "<!DOCTYPE html><body>";
constexpr std::string_view kBom = "\xEF\xBB\xBF";
}  // namespace

// Every block gumbo allocates, on a doubly linked list so that the whole tree
// (or a half-built one after an aborted parse) is freed without recursion.
struct ParsedHtml::Arena {
  struct alignas(std::max_align_t) Block {
    Block* prev;
    Block* next;
    size_t size;
  };

  Arena(const HtmlParseLimits& limits) : limit(limits.max_memory_bytes), deadline(Clock::now() + limits.max_time) {
    head.prev = head.next = &head;
  }
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (Block* b = head.next; b != &head;) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
  }

  // gumbo's allocator callback. On a spent budget it jumps back into run();
  // only gumbo's C frames and this one, which own nothing, are skipped.
  static void* allocate(void* userdata, size_t size) {
    auto* a = static_cast<Arena*>(userdata);
    if (size > a->limit || a->used + size + sizeof(Block) > a->limit) a->fail(HtmlParseStatus::kOutOfMemory);
    if ((++a->calls & 255) == 0 && Clock::now() > a->deadline) a->fail(HtmlParseStatus::kTimeout);
    auto* b = static_cast<Block*>(std::malloc(sizeof(Block) + size));
    if (b == nullptr) a->fail(HtmlParseStatus::kOutOfMemory);
    b->size = size;
    b->prev = &a->head;
    b->next = a->head.next;
    a->head.next->prev = b;
    a->head.next = b;
    a->used += size + sizeof(Block);
    return b + 1;
  }

  static void deallocate(void* userdata, void* ptr) {
    if (ptr == nullptr) return;
    auto* a = static_cast<Arena*>(userdata);
    Block* b = static_cast<Block*>(ptr) - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    a->used -= b->size + sizeof(Block);
    std::free(b);
  }

  [[noreturn]] void fail(HtmlParseStatus why) {
    failure = why;
    std::longjmp(jump, 1);
  }

  // Runs gumbo; null when a budget ran out (see `failure`).
  GumboOutput* run(const GumboOptions* options, const char* data, size_t size) {
    if (setjmp(jump) != 0) return nullptr;
    return gumbo_parse_with_options(options, data, size);
  }

  Block head;
  size_t used = 0;
  size_t limit;
  Clock::time_point deadline;
  unsigned calls = 0;
  HtmlParseStatus failure = HtmlParseStatus::kOk;
  std::jmp_buf jump;
};

std::unique_ptr<ParsedHtml> ParsedHtml::parse(std::string_view html, const HtmlParseLimits& limits,
                                              HtmlParseStatus* status) {
  if (html.substr(0, kBom.size()) == kBom) html.remove_prefix(kBom.size());
  std::unique_ptr<ParsedHtml> doc(new ParsedHtml);
  doc->buffer_.reserve(kPrefix.size() + html.size());
  doc->buffer_.append(kPrefix).append(html);
  doc->arena_ = std::make_unique<Arena>(limits);

  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::allocate;
  options.deallocator = &Arena::deallocate;
  options.userdata = doc->arena_.get();
  options.max_errors = 0;  // each recorded error copies the open-element stack
  GumboOutput* out = doc->arena_->run(&options, doc->buffer_.data(), doc->buffer_.size());
  if (out == nullptr) {
    *status = doc->arena_->failure;
    return nullptr;
  }
  *status = HtmlParseStatus::kOk;
  if (out->root != nullptr && out->root->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& children = out->root->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      auto* n = static_cast<const GumboNode*>(children.data[i]);
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) doc->body_ = n;
    }
  }
  return doc;
}

ParsedHtml::~ParsedHtml() = default;

}  // namespace gongkai::render
