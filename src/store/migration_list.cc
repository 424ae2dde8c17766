#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0001;

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> kAll = {kSchema0001};
  return kAll;
}

}  // namespace gongkai::store
