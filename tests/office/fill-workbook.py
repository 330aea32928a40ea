# Fills cells of a workbook in LibreOffice Calc, as a person would, and saves it as .xlsx: the
# round trip of the implementation matrix is tested with a real spreadsheet program editing the
# file, not with our own code. Run with Debian's python3 (python3-uno):
#   /usr/bin/python3 fill-workbook.py IN.xlsx OUT.xlsx '{"Recommendations": {"F2": "Implemented"}}'
# A cell LibreOffice keeps locked (a protected sheet's locked cell) is refused as it would refuse
# a person typing: such cells are listed on stdout as "locked SHEET!CELL" and left as they are.
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, out, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    profile = tempfile.mkdtemp(prefix='upr-lo-')
    pipe = f'upr{os.getpid()}'
    office = subprocess.Popen(
        ['soffice', '--headless', '--invisible', '--norestore', '--nologo', f'-env:UserInstallation=file://{profile}', f'--accept=pipe,name={pipe};urp;'],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit('LibreOffice did not start')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        for sheet_name, cells in edits.items():
            sheet = doc.Sheets.getByName(sheet_name)
            for address, value in cells.items():
                cell = sheet.getCellRangeByName(address)
                # As the user interface does: a locked cell of a protected sheet cannot be typed in.
                if sheet.isProtected() and cell.CellProtection.IsLocked:
                    print(f'locked {sheet_name}!{address}')
                    continue
                cell.setFormula(value)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30)


main()
