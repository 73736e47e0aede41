"""A stand-in for the `_socket` module: pykata runs learner code with no operating system or
network. `socket` imports it, and `asyncio` needs one thing of it: `socketpair()`, the pipe an
event loop wakes itself with. That works, in memory, between the pair's two ends (`select`
sees what is waiting there); every other socket raises `OSError`.
"""

# Linux's values, as `socket` and `asyncio` name them.
AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6 = 0, 1, 2, 10
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = 1, 2, 3
SOL_SOCKET, SO_REUSEADDR, SO_TYPE, SO_ERROR, SO_BROADCAST, SO_KEEPALIVE, SO_REUSEPORT = 1, 2, 3, 4, 6, 9, 15
IPPROTO_TCP, IPPROTO_UDP, IPPROTO_IPV6, TCP_NODELAY, IPV6_V6ONLY = 6, 17, 41, 1, 26
AI_PASSIVE = 1
SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2
MSG_PEEK = 2
has_ipv6 = False

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


_NO_NETWORK = "pykata has no network: only socket.socketpair() works, in memory"

# file descriptor -> the end of a socketpair it names
_ends = {}
_next_fd = [1000]


class _End:
    """One end of a socketpair: what was sent to it and not yet received."""

    def __init__(self):
        self.waiting = bytearray()
        self.peer = None
        self.closed = False


def _readable(fd):
    """True if a recv on `fd` would not block (`select` asks): data waits, or the peer closed."""
    end = _ends.get(fd)
    if end is None:
        raise OSError(9, "Bad file descriptor")
    return bool(end.waiting) or end.peer is None or end.peer.closed


class socket:
    """A socket: one end of a socketpair, or nothing that can be used."""

    # As the C type: no `__dict__` or `__weakref__`, which `socket.socket` adds itself.
    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            raise OSError(_NO_NETWORK)
        if fileno not in _ends:
            raise OSError(9, "Bad file descriptor")
        self._fd = fileno
        self._family = AF_UNIX if family == -1 else family
        self._type = SOCK_STREAM if type == -1 else type
        self._proto = 0 if proto == -1 else proto
        self._timeout = None

    family = property(lambda self: self._family)
    type = property(lambda self: self._type)
    proto = property(lambda self: self._proto)
    timeout = property(lambda self: self._timeout)

    def fileno(self):
        return self._fd

    def detach(self):
        fd, self._fd = self._fd, -1
        return fd

    def close(self):
        end = _ends.pop(self._fd, None)
        if end is not None:
            end.closed = True
        self._fd = -1

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def settimeout(self, value):
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def getblocking(self):
        return self._timeout != 0.0

    def _end(self):
        end = _ends.get(self._fd)
        if end is None:
            raise OSError(9, "Bad file descriptor")
        return end

    def send(self, data, flags=0):
        end = self._end()
        if end.peer is None or end.peer.closed:
            raise BrokenPipeError(32, "Broken pipe")
        data = bytes(data)
        end.peer.waiting += data
        return len(data)

    sendall = send

    def recv(self, size, flags=0):
        end = self._end()
        if not end.waiting:
            if end.peer is None or end.peer.closed:
                return b""
            # Nothing else runs while this waits, so nothing could ever arrive.
            raise BlockingIOError(11, "Resource temporarily unavailable")
        data = bytes(end.waiting[:size])
        if not flags & MSG_PEEK:
            del end.waiting[:size]
        return data

    def shutdown(self, how):
        self._end()

    def getsockname(self):
        return ""

    def getpeername(self):
        return ""

    def setsockopt(self, *args):
        self._end()

    def getsockopt(self, level, option, buffersize=None):
        self._end()
        return 0

    def _unavailable(self, *args, **kwargs):
        raise OSError(_NO_NETWORK)

    bind = listen = accept = _accept = connect = connect_ex = sendto = recvfrom = _unavailable
    recv_into = recvfrom_into = _unavailable


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    """Two connected sockets, in memory."""
    first, second = _End(), _End()
    first.peer, second.peer = second, first
    fds = []
    for end in (first, second):
        fd = _next_fd[0]
        _next_fd[0] += 1
        _ends[fd] = end
        fds.append(fd)
    return socket(family, type, proto, fds[0]), socket(family, type, proto, fds[1])


def _no_network(*args, **kwargs):
    raise gaierror(_NO_NETWORK)


getaddrinfo = gethostbyname = gethostbyaddr = getnameinfo = _no_network


def gethostname():
    return "localhost"


_default_timeout = [None]


def getdefaulttimeout():
    return _default_timeout[0]


def setdefaulttimeout(value):
    _default_timeout[0] = value


def dup(fd):
    raise OSError(_NO_NETWORK)


def htons(value):
    return ((value & 0xFF) << 8) | ((value >> 8) & 0xFF)


ntohs = htons


def htonl(value):
    return int.from_bytes(value.to_bytes(4, "little"), "big")


ntohl = htonl
