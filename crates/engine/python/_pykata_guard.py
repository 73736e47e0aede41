"""What keeps learner code from changing how it is graded (the Python half; the engine's
`guard.rs` hides the insides of checks and of these modules from introspection and replaces
`gc`).

Learner code runs in the same interpreter as the checks, so:
- every module loaded before learner code runs (and `builtins`) is snapshotted and put back
  after the learner's code and after each check (`restore`): patching `functools.wraps`,
  `builtins.isinstance` or `json.dumps` lasts only while learner code runs;
- pykata's own modules stay out of `sys.modules`, use private copies of the builtins and have
  their classes frozen, so there is nothing of theirs to patch by name;
- check asserts compare with `strict_equal`, so an object whose `__eq__` always says True
  does not pass.
"""

import builtins as _builtins
import sys as _sys

__builtins__ = dict(_builtins.__dict__)

_type = _builtins.type
_object = _builtins.object
_id = _builtins.id
_list_iter = _builtins.list.__iter__
_tuple_iter = _builtins.tuple.__iter__
_dict_items = _builtins.dict.items
_dict_len = _builtins.dict.__len__
_dict_contains = _builtins.dict.__contains__
_dict_getitem = _builtins.dict.__getitem__
_Module = _type(_sys)
_Function = _type(lambda: None)
_settrace = _sys.settrace
_setprofile = _sys.setprofile
# The import machinery's lists, which learner code could fill with finders of its own.
_import_lists = (_sys.meta_path, _sys.path_hooks, _sys.path)
_import_snapshots = tuple(list(items) for items in _import_lists)
_modules = _sys.modules
_mro_of = _type.__dict__["__mro__"].__get__
_dict_of = _type.__dict__["__dict__"].__get__

#: The builtins as they were before any learner code ran.
BUILTINS = dict(_builtins.__dict__)
_builtins_dict = _builtins.__dict__

# name -> module, for every module trusted by `trust_loaded_modules`.
_trusted_modules = {}
# (namespace, snapshot) pairs: the builtins and every trusted module's namespace.
_namespaces = [(_builtins_dict, BUILTINS)]
# (container, snapshot) pairs put back between submissions: `sys.modules`, `sys`'s namespace,
# and the dicts, lists and sets trusted modules hold (registries and caches such as
# `copyreg.dispatch_table`, `warnings.filters`, `re._cache`, and the attributes of their
# objects and functions, e.g. `json._default_encoder`).
_contents = []
# (class, snapshot of its __dict__) pairs: the classes trusted modules define.
_classes = []
_trusted_type_ids = set()  # ids, not types: a learner metaclass cannot fake its way in by hash
_hidden_modules = {}
_modules_snapshot = {}
_freeze = _restore_contents = _changed_classes = None
_CONTAINERS = (dict, list, set)


def trust_loaded_modules(hide=()):
    """Snapshot every loaded module not yet trusted; then drop the modules named in `hide` from
    `sys.modules` (learner code importing them gets a fresh, separate copy). Snapshots already
    taken are kept: they are of the state before any learner code ran."""
    for name in hide:
        module = _modules.pop(name, None)
        if module is not None:
            _hidden_modules[name] = module
            for value in module.__dict__.values():
                if isinstance(value, _type):
                    _freeze(value)
    for name, module in list(_modules.items()):
        if name in _trusted_modules or name in _hidden_modules:
            continue
        if name != "sys" and name != "__main__":
            namespace = getattr(module, "__dict__", None)
            if type(namespace) is not dict:
                if module is None:
                    # An import blocked on purpose (`_datetime` on wasm32): blocked for good.
                    _modules_snapshot[name] = None
                continue
            _trusted_modules[name] = module
            _namespaces.append((namespace, dict(namespace)))
            for value in namespace.values():
                _snapshot_value(value)
        _modules_snapshot[name] = module
    for value in BUILTINS.values():
        if isinstance(value, _type):
            _trusted_type_ids.add(_id(value))


def _snapshot_contents(value):
    """If `value` is a dict, list or set, snapshot it for `reset` and return True."""
    kind = _type(value)
    if kind not in _CONTAINERS:
        return False
    _contents.append((value, kind(value)))
    return True


def _snapshot_value(value):
    """Take the snapshots `reset` needs of one value of a trusted module."""
    if _snapshot_contents(value):
        return
    if isinstance(value, _type):
        _trusted_type_ids.add(_id(value))
        _classes.append((value, dict(_dict_of(value))))
        return
    kind = _type(value)
    if kind is _Module:
        return
    attributes = getattr(value, "__dict__", None)
    if _type(attributes) is dict and (attributes or kind is not _Function):
        _snapshot_contents(attributes)
        for item in attributes.values():
            _snapshot_contents(item)


def import_trusted(name, hide):
    """Import the module `name` for pykata's own use once learner code may have run, and
    trust what the import loads as if it had been loaded before (`hide` as for
    `trust_loaded_modules`). The import runs in the state `reset` would give (learner changes
    to `sys.modules`, `sys` and trusted containers such as `warnings.filters` are set aside),
    and the learner's state comes back after it for the rest of the submission."""
    restore()
    classes_intact = not _changed_classes(_classes)
    learner_state = [(live, _type(live)(live)) for live, _ in _contents]
    _restore_contents(_contents, False)
    _modules.update(_hidden_modules)
    try:
        module = __import__(name)
        trust_loaded_modules(hide)
    finally:
        _restore_contents(learner_state, False)
        restore()  # the modules just trusted join the learner's `sys.modules`
    if classes_intact:
        # Importing may fill caches in trusted classes (`__annotations_cache__`): that is
        # trusted code's doing. A class learner code changed before stays changed for `reset`.
        _classes[:] = [(cls, dict(_dict_of(cls))) for cls, _ in _classes]
    return module


def restore(keep_submodules=True):
    """Put back every trusted module (in `sys.modules`, and its contents), the builtins and the
    import machinery, and stop any trace or profile function. Submodules imported since are
    kept unless `keep_submodules` is false."""
    _settrace(None)
    _setprofile(None)
    for items, snapshot in zip(_import_lists, _import_snapshots):
        items[:] = snapshot
    for name, module in _trusted_modules.items():
        if _modules.get(name) is not module:
            _modules[name] = module
    _restore_contents(_namespaces, keep_submodules)


def reset():
    """Between submissions: put back everything `restore` does, and also `sys.modules` (modules
    learner code imported are forgotten), `sys`'s attributes, submodules learner code imported
    into trusted packages, and every container trusted modules hold. Returns True if the
    interpreter can grade another submission: False if learner code changed a trusted class,
    which cannot be put back in place."""
    restore(keep_submodules=False)
    _restore_contents(_contents, False)
    return not _changed_classes(_classes)


def _eq_owner(cls):
    """The class in `cls`'s MRO that defines `__eq__`."""
    for klass in _mro_of(cls):
        if "__eq__" in _dict_of(klass):
            return klass
    return _object


def _honest(value):
    """True if `value`'s equality comes from a type that existed before learner code ran."""
    return _id(_eq_owner(_type(value))) in _trusted_type_ids


def _items(sequence):
    return _list_iter(sequence) if isinstance(sequence, list) else _tuple_iter(sequence)


def strict_equal(left, right):
    """`left == right`, except that learner-made objects cannot lie their way to True: an
    object of a learner's class never equals a plain value, and two learner objects are
    equal only if each says so. Learner code is only ever called with the two objects
    compared, never with one of pykata's own."""
    left_honest, right_honest = _honest(left), _honest(right)
    if not (left_honest and right_honest):
        if left_honest or right_honest:
            return left is right
        return bool(left == right) and bool(right == left)
    # Containers are walked with the built-in types' own methods: a subclass cannot show
    # different items to this walk than to `==`.
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        if not (left == right):  # also compares lengths and list-vs-tuple as Python does
            return False
        return all(strict_equal(a, b) for a, b in zip(_items(left), _items(right)))
    if isinstance(left, dict) and isinstance(right, dict):
        if _dict_len(left) != _dict_len(right) or not all(_honest(key) for key, _ in _dict_items(left)):
            return left is right
        return all(
            _dict_contains(right, key) and strict_equal(value, _dict_getitem(right, key))
            for key, value in _dict_items(left)
        )
    if isinstance(left, (set, frozenset)) and isinstance(right, (set, frozenset)):
        if not (all(_honest(item) for item in left) and all(_honest(item) for item in right)):
            return left is right
    return bool(left == right)


def install(helpers):
    """Take the engine's native helpers (never importable): `freeze`, which makes a class
    immutable, and the snapshot comparisons `restore_contents` and `changed_classes`; then
    snapshot `sys` and everything loaded so far."""
    global _freeze, _restore_contents, _changed_classes
    _freeze, _restore_contents, _changed_classes = helpers
    _contents.append((_modules, _modules_snapshot))
    _snapshot_contents(_sys.__dict__)
    for value in _sys.__dict__.values():
        if value is not _modules:
            _snapshot_contents(value)
