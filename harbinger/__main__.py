from harbinger.cli import main

main()
