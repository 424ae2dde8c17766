#include "store/migrations.h"

namespace gongkai::store {

extern const Migration kSchema0001;
extern const Migration kSchema0002;
extern const Migration kSchema0003;
extern const Migration kSchema0004;
extern const Migration kSchema0005;
extern const Migration kSchema0006;
extern const Migration kSchema0007;
extern const Migration kSchema0008;
extern const Migration kSchema0009;
extern const Migration kSchema0010;
extern const Migration kSchema0011;
extern const Migration kSchema0012;
extern const Migration kSchema0013;
extern const Migration kSchema0014;
extern const Migration kSchema0015;
extern const Migration kSchema0016;

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> kAll = {kSchema0001, kSchema0002, kSchema0003, kSchema0004, kSchema0005,
                                              kSchema0006, kSchema0007, kSchema0008, kSchema0009, kSchema0010,
                                              kSchema0011, kSchema0012, kSchema0013, kSchema0014,
                                              kSchema0015, kSchema0016};
  return kAll;
}

}  // namespace gongkai::store
