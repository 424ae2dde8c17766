// Runs a libFuzzer-style target without libFuzzer (GCC has none): every file of the
// seed corpus, then a bounded number of deterministic mutations of them. Under the
// sanitizers of the test build this finds crashes, overflows and undefined behaviour.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  std::vector<std::string> corpus;
  if (argc > 1 && std::filesystem::is_directory(argv[1])) {
    for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
      std::ifstream in(e.path(), std::ios::binary);
      corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  if (corpus.empty()) corpus.push_back("seed");
  for (const auto& c : corpus) LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(c.data()), c.size());

  const long iterations = std::getenv("FUZZ_ITERATIONS") ? std::atol(std::getenv("FUZZ_ITERATIONS")) : 20000;
  std::mt19937_64 rng(12345);
  static const std::string kTokens[] = {"\"", "-", "<", ">", "&", "\xe4\xb8\xad", "\xe5\xa0\xb1", "\xef\xbc\x88",
                                  "\xcc\x81", "\xe2\x80\xae", "\xf0\x9f\x98\x80", std::string("\0", 1),
                                  "<script>", "javascript:", " ", "\xff", "\xc3"};
  for (long i = 0; i < iterations; ++i) {
    std::string s = corpus[rng() % corpus.size()];
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits; ++e) {
      size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
      switch (rng() % 4) {
        case 0: s.insert(pos, 1, static_cast<char>(rng() % 256)); break;
        case 1: if (!s.empty() && pos < s.size()) s.erase(pos, 1 + rng() % 4); break;
        case 2: s.insert(pos, kTokens[rng() % (sizeof kTokens / sizeof *kTokens)]); break;
        case 3: if (!s.empty()) s += s.substr(rng() % s.size(), 16); break;
      }
      if (s.size() > 4096) s.resize(4096);
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  std::printf("fuzz: %zu corpus inputs, %ld mutations, no crash\n", corpus.size(), iterations);
  return 0;
}
