# Integration tests (HTTP, Node's test runner) and browser tests (Playwright driving Debian's
# Chromium, axe-core) against a running `gongkai serve`, each on SQLite and on PostgreSQL.
#
# Each backend's server is a CTest fixture: server_<backend>_start (tests/start-server.sh) makes
# a fresh database with the demo data and serves it on a free port once for all that backend's
# tests; server_<backend>_stop stops it and fails if the sanitized server logged an ASan/UBSan
# report. PostgreSQL is the server of $GK_TEST_PG_URL (tests/run-all.sh starts a private one);
# without it the postgres tests are skipped (exit 77) unless $GK_REQUIRE_PG is set.
#
#   ctest -L integration        HTTP tests only        ctest -L browser    browser tests only
#   ctest -R sqlite             one backend            ctest -R 'browser\.a11y'
# Every test file tests/{integration,browser}/NAME.test.mjs becomes NAME's test on each backend.
find_program(GK_NODE node)
if(NOT GK_NODE)
  message(WARNING "node not found: the integration and browser tests are not registered")
  return()
endif()

file(GLOB GK_INTEGRATION_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/integration/*.test.mjs)
file(GLOB GK_BROWSER_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/browser/*.test.mjs)
set(GK_TEST_SERVERS ${CMAKE_BINARY_DIR}/test-servers)

# npm ci of package-lock.json when node_modules/ is stale (a no-op otherwise).
add_test(NAME node_modules COMMAND bash ${CMAKE_SOURCE_DIR}/tests/npm-deps.sh)
set_tests_properties(node_modules PROPERTIES FIXTURES_SETUP node_modules LABELS browser TIMEOUT 300
                     RESOURCE_LOCK node_modules)

foreach(backend sqlite postgres)
  set(state ${GK_TEST_SERVERS}/${backend})
  add_test(NAME server_${backend}_start
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/start-server.sh start $<TARGET_FILE_DIR:gongkai> ${backend} auto ${state})
  set_tests_properties(server_${backend}_start PROPERTIES
                       FIXTURES_SETUP server_${backend} SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS "integration;browser")
  add_test(NAME server_${backend}_stop COMMAND bash ${CMAKE_SOURCE_DIR}/tests/start-server.sh stop ${state})
  set_tests_properties(server_${backend}_stop PROPERTIES
                       FIXTURES_CLEANUP server_${backend} TIMEOUT 120 LABELS "integration;browser")

  foreach(kind integration browser)
    if(kind STREQUAL "integration")
      set(files ${GK_INTEGRATION_TESTS})
      set(timeout 180)
      set(fixtures server_${backend})
    else()
      set(files ${GK_BROWSER_TESTS})
      set(timeout 300)
      set(fixtures "server_${backend};node_modules")
    endif()
    foreach(file ${files})
      get_filename_component(stem ${file} NAME)
      string(REGEX REPLACE "\\.test\\.mjs$" "" stem ${stem})
      set(name ${kind}.${stem}.${backend})
      add_test(NAME ${name} COMMAND bash ${CMAKE_SOURCE_DIR}/tests/run-node-test.sh ${state} ${backend} ${file})
      set_tests_properties(${name} PROPERTIES
                           FIXTURES_REQUIRED "${fixtures}" SKIP_RETURN_CODE 77 TIMEOUT ${timeout}
                           LABELS ${kind} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    endforeach()
  endforeach()
endforeach()

# Durability: requests acknowledged through the API survive a SIGKILL of the server
# (tests/kill_server.sh), on each backend.
foreach(backend sqlite postgres)
  add_test(NAME durability.kill_server.${backend}
           COMMAND bash ${CMAKE_SOURCE_DIR}/tests/kill_server.sh $<TARGET_FILE_DIR:gongkai> ${backend})
  set_tests_properties(durability.kill_server.${backend} PROPERTIES
                       SKIP_RETURN_CODE 77 TIMEOUT 180 LABELS integration)
endforeach()

# The annual report's exports read back by other programs: DOCX and XLSX through LibreOffice,
# PDF through poppler, compared with the report's own HTML (tests/office/report_exports.test.mjs).
add_test(NAME office.report_exports COMMAND bash ${CMAKE_SOURCE_DIR}/tests/office/run.sh $<TARGET_FILE:gongkai>)
set_tests_properties(office.report_exports PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS integration)
