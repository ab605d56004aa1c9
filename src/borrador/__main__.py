from borrador.main import main

main()
