// The Catch2 runner shared by every native suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
