#include <gtest/gtest.h>
TEST(ObjectiveTagger, Placeholder) {}
