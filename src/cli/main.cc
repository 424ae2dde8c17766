// The gongkai command: one binary for the server and every administrative task.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return gongkai::cli::dispatch(args, std::cout, std::cerr);
}
