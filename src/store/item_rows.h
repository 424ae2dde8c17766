#pragma once
// Internal to store/: the items columns in the order item_from() reads them, so every
// query of items returns the same ItemRow.

#include "store/db.h"
#include "store/item_store.h"

namespace gongkai::store {

extern const char* const kItemCols;
ItemRow item_from(const Row& r);

}  // namespace gongkai::store
