"""Builds zhpolicy._core and the default lexicon with the project's CMake.

pip install --no-build-isolation .   (offline; see README)

One build graph serves C++ and Python: this configures the top-level
CMakeLists.txt with ZHPOLICY_BUILD_PYTHON=ON, puts the extension in the
package, and copies the compiled lexicon to zhpolicy/data/zhpolicy.zpl.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        ext_path = Path(self.get_ext_fullpath(ext.name)).resolve()
        ext_dir = ext_path.parent
        build_dir = Path(os.environ.get("ZHPOLICY_PY_BUILD_DIR", ROOT / "build" / "python-ext"))
        build_dir.mkdir(parents=True, exist_ok=True)
        cfg = "Debug" if self.debug else "Release"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={cfg}",
            "-DZHPOLICY_BUILD_PYTHON=ON",
            "-DZHPOLICY_BUILD_TESTS=OFF",
            "-DZHPOLICY_BUILD_BENCH=OFF",
            "-DZHPOLICY_INSTALL=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
            f"-DCMAKE_LIBRARY_OUTPUT_DIRECTORY={ext_dir}",
        ]
        subprocess.run(configure, check=True)
        jobs = str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "zhpolicy_lexicon",
                        "-j", jobs], check=True)
        data_dir = ext_dir / "data"  # ext_dir is the zhpolicy package folder
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(build_dir / "zhpolicy.zpl", data_dir / "zhpolicy.zpl")


setup(
    ext_modules=[CMakeExtension("zhpolicy._core")],
    cmdclass={"build_ext": CMakeBuild},
)
