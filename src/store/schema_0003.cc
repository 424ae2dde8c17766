// Migration 3: the agency's 政府信息公开制度 text for the portal column.
#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0003 = {3, "portal", R"SQL(
ALTER TABLE agencies ADD COLUMN rules_html TEXT NOT NULL DEFAULT '';
)SQL"};

}  // namespace gongkai::store
