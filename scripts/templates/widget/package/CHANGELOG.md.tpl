# @hearth/__name__

Changes are listed here by `pnpm version-packages`, from the files in `.changeset/`.
