// The only CATCH_CONFIG_MAIN of the suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
