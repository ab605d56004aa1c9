from borrador.cli import main

main()
