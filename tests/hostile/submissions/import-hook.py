# exercise: tests/hostile/pack/secret
# must-not-pass: adds
# attack: install an import hook that hands the checks a fake unittest whose assertions pass
import sys
import types


class Fake:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("unittest"):
            import importlib.machinery

            return importlib.machinery.ModuleSpec(name, self)
        return None

    def create_module(self, spec):
        module = types.ModuleType(spec.name)
        module.TestCase = type("TestCase", (), {"assertEqual": lambda *a, **k: None})
        return module

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, Fake())
for name in [n for n in sys.modules if n.startswith("unittest")]:
    del sys.modules[name]


def double(x):
    return x


def add(a, b):
    return a


def keep(func):
    return func
