# Gongkai — the two commands that set everything up on a fresh Debian 12 machine:
#   make run    deps, Release build, data directory with demo data, server on :8080
#   make test   deps, Debug build with ASan/UBSan, every test through CTest
PORT ?= 8080
DATA_DIR ?= $(CURDIR)/data
BUILD_DIR ?= build
TEST_BUILD_DIR ?= build-debug
JOBS ?= $(shell nproc)

.PHONY: deps build run test clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DGK_TESTS=OFF >/dev/null
	@ninja -C $(BUILD_DIR) -j $(JOBS) gongkai

run: build
	@bash scripts/run.sh "$(BUILD_DIR)/gongkai" "$(DATA_DIR)" "$(PORT)"

test: deps
	@cmake -S . -B $(TEST_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGK_SANITIZE=ON >/dev/null
	@ninja -C $(TEST_BUILD_DIR) -j $(JOBS)
	@bash tests/run-all.sh "$(TEST_BUILD_DIR)"

clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR)
