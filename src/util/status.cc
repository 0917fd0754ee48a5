#include "parallax/status.h"

#include "parallax/report.h"

namespace parallax {

std::string Status::ToString() const {
  const char* name = "ok";
  switch (code_) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      name = "invalid argument";
      break;
    case StatusCode::kNotFound:
      name = "not found";
      break;
    case StatusCode::kIoError:
      name = "i/o error";
      break;
    case StatusCode::kDataLoss:
      name = "data loss";
      break;
    case StatusCode::kResourceExhausted:
      name = "over budget";
      break;
    case StatusCode::kInternal:
      name = "internal error";
      break;
  }
  return std::string(name) + ": " + message_;
}

const char* ConflictKindName(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kName:
      return "name";
    case ConflictKind::kTitle:
      return "title";
    case ConflictKind::kNumber:
      return "number";
    case ConflictKind::kDate:
      return "date";
    case ConflictKind::kQuote:
      return "quote";
    case ConflictKind::kOther:
      return "other";
  }
  return "other";
}

}  // namespace parallax
