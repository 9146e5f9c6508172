#include "base/sys_error.h"

#include <cerrno>
#include <cstring>

#include "base/messages.h"

namespace jixiao {

std::string SystemErrorText(int err) {
  MsgId id;
  switch (err) {
    case EACCES:
    case EPERM:
      id = MsgId::kErrnoPermission;
      break;
    case ENOENT:
      id = MsgId::kErrnoNoEntry;
      break;
    case EISDIR:
      id = MsgId::kErrnoIsDirectory;
      break;
    case ENOTDIR:
      id = MsgId::kErrnoNotDirectory;
      break;
    case ELOOP:
      id = MsgId::kErrnoLoop;
      break;
    case ENAMETOOLONG:
      id = MsgId::kErrnoNameTooLong;
      break;
    case EMFILE:
    case ENFILE:
      id = MsgId::kErrnoTooManyFiles;
      break;
    case ENOSPC:
      id = MsgId::kErrnoNoSpace;
      break;
    case EDQUOT:
      id = MsgId::kErrnoQuota;
      break;
    case EFBIG:
      id = MsgId::kErrnoFileTooLarge;
      break;
    case EIO:
      id = MsgId::kErrnoIo;
      break;
    case EROFS:
      id = MsgId::kErrnoReadOnly;
      break;
    case ENOMEM:
      id = MsgId::kErrnoNoMemory;
      break;
    case EBUSY:
    case ETXTBSY:
      id = MsgId::kErrnoBusy;
      break;
    case EEXIST:
      id = MsgId::kErrnoExists;
      break;
    case EXDEV:
      id = MsgId::kErrnoCrossDevice;
      break;
    case ENXIO:
    case ENODEV:
      id = MsgId::kErrnoNoDevice;
      break;
    case ESTALE:
      id = MsgId::kErrnoStale;
      break;
    default:
      return Tr(MsgId::kErrnoOther, err, std::strerror(err));
  }
  return std::string(Text(id));
}

}  // namespace jixiao
